import { z } from 'zod';
import type { Db } from '../db/client';
import { berlinWallClock } from '../exports/table';

export const fundedProjectsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * One funded project as the city publishes it: what, by which provider, where, how much and
 * for which year. Built field by field from a fixed selection, so no contact, person, account
 * or address can ever reach the open data.
 */
export interface FundedProject {
  reference: string;
  title: string;
  organisation: string;
  district: string | null;
  planningArea: string | null;
  fieldOfAction: string | null;
  amountCents: number;
  year: number;
}

const APPROVED = { kind: 'application', state: 'approved', approvedCents: { gt: 0 } };

/** The funding years that have funded projects, newest first. */
export async function fundedYears(db: Db): Promise<number[]> {
  const [rounds, loose] = await Promise.all([
    db.fundingRound.findMany({ where: { cases: { some: APPROVED } }, select: { year: true } }),
    db.case.aggregate({ where: { ...APPROVED, roundId: null }, _min: { decidedAt: true }, _max: { decidedAt: true } }),
  ]);
  const years = new Set(rounds.map((r) => r.year));
  if (loose._min.decidedAt && loose._max.decidedAt) {
    for (let y = berlinWallClock(loose._min.decidedAt).year; y <= berlinWallClock(loose._max.decidedAt).year; y++) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

/** 1 January of `year`, 00:00 in Berlin, as a moment. */
function startOfBerlinYear(year: number): Date {
  const guess = new Date(Date.UTC(year, 0, 1));
  const wall = berlinWallClock(guess);
  // Berlin is ahead of UTC in winter by one hour: midnight there is 23:00 UTC the day before.
  return new Date(guess.getTime() - wall.hour * 3600_000);
}

/**
 * Approved applications of a funding year: the round's year, or for an application without a
 * round the year of its decision. Ordered by reference, so pages and downloads agree.
 */
export async function fundedProjects(db: Db, options: { year: number; skip?: number; take?: number }): Promise<{ total: number; totalCents: number; items: FundedProject[] }> {
  const where = {
    ...APPROVED,
    OR: [{ round: { year: options.year } }, { roundId: null, decidedAt: { gte: startOfBerlinYear(options.year), lt: startOfBerlinYear(options.year + 1) } }],
  };
  const [rows, sums, districts, fields] = await Promise.all([
    db.case.findMany({
      where,
      select: {
        reference: true,
        title: true,
        districtId: true,
        fieldOfActionId: true,
        approvedCents: true,
        organisationId: true,
      },
      orderBy: { reference: 'asc' },
      skip: options.skip,
      take: options.take,
    }),
    db.case.aggregate({ where, _count: { _all: true }, _sum: { approvedCents: true } }),
    db.district.findMany({ select: { id: true, name: true, planningArea: true } }),
    db.fieldOfAction.findMany({ select: { id: true, name: true } }),
  ]);
  // Names of the providers in one query of their own: cheaper than joining them to every row.
  const organisations = await db.organisation.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.organisationId))] } }, select: { id: true, name: true } });
  const organisation = new Map(organisations.map((o) => [o.id, o.name]));
  const district = new Map(districts.map((d) => [d.id, d]));
  const field = new Map(fields.map((f) => [f.id, f.name]));
  return {
    total: sums._count._all,
    totalCents: sums._sum.approvedCents ?? 0,
    items: rows.map((r) => ({
      reference: r.reference,
      title: r.title,
      organisation: organisation.get(r.organisationId) ?? '',
      district: r.districtId ? (district.get(r.districtId)?.name ?? null) : null,
      planningArea: r.districtId ? (district.get(r.districtId)?.planningArea ?? null) : null,
      fieldOfAction: r.fieldOfActionId ? (field.get(r.fieldOfActionId) ?? null) : null,
      amountCents: r.approvedCents ?? 0,
      year: options.year,
    })),
  };
}
