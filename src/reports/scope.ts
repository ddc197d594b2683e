import { z } from 'zod';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';

/** What a report covers: one funding round, or every round of a funding year. */
export const scopeQuery = z.object({
  roundId: z.string().trim().max(40).regex(/^[a-z0-9]+$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ScopeQuery = z.output<typeof scopeQuery>;

export interface RoundSummary {
  id: string;
  programmeId: string;
  programmeName: string;
  year: number;
  deadline: string;
  budgetCents: number;
  committedCents: number;
}

export interface ReportScope {
  /** The rounds covered (empty when none exists yet). */
  rounds: RoundSummary[];
  roundIds: string[];
  /** The funding year whose district figures (social index, inhabitants) apply. */
  year: number;
  /** "Runde FRL Soziales 2027" or "Förderjahr 2027". */
  label: string;
  /** The round chosen, if the report is one round's. */
  roundId?: string;
  /** Every round, newest first, for the choice on the page. */
  allRounds: RoundSummary[];
}

/**
 * Resolves the report's scope: a round by id (404 if unknown), a year, or by default the year of
 * the newest round that has a submitted application, so the first look shows the round being
 * worked on rather than next year's, which is open but still empty; else the newest round's.
 */
export async function resolveScope(db: Db, query: ScopeQuery, fallbackYear: number): Promise<ReportScope> {
  const rows = await db.fundingRound.findMany({ include: { programme: { select: { name: true } } }, orderBy: [{ year: 'desc' }, { programmeId: 'asc' }] });
  const allRounds: RoundSummary[] = rows.map((r) => ({
    id: r.id,
    programmeId: r.programmeId,
    programmeName: r.programme.name,
    year: r.year,
    deadline: r.deadline,
    budgetCents: r.budgetCents,
    committedCents: r.committedCents,
  }));
  if (query.roundId) {
    const round = allRounds.find((r) => r.id === query.roundId);
    if (!round) throw new AppError('not_found', t('reports.unknownRound'));
    return { rounds: [round], roundIds: [round.id], year: round.year, label: t('reports.scopeRound', { programme: round.programmeId.replace(/_/g, ' '), year: round.year }), roundId: round.id, allRounds };
  }
  const year = query.year ?? (await newestYearWithApplications(db, allRounds)) ?? allRounds[0]?.year ?? fallbackYear;
  const rounds = allRounds.filter((r) => r.year === year);
  return { rounds, roundIds: rounds.map((r) => r.id), year, label: t('reports.scopeYear', { year }), allRounds };
}

async function newestYearWithApplications(db: Db, newestFirst: RoundSummary[]): Promise<number | undefined> {
  for (const round of newestFirst) {
    const any = await db.case.findFirst({ where: { kind: 'application', roundId: round.id, submittedAt: { not: null } }, select: { id: true } });
    if (any) return round.year;
  }
  return undefined;
}

/** The applications a report counts: submitted ones of the scope's rounds. */
export function scopeWhere(scope: ReportScope) {
  return { kind: 'application', roundId: { in: scope.roundIds }, submittedAt: { not: null } };
}
