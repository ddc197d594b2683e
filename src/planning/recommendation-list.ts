import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Db } from '../db/client';
import { indicatorsFor } from './district-indicators';

export interface RecommendationRow {
  rank: number;
  caseId: string;
  reference: string;
  title: string;
  organisation: string;
  district: string;
  planningArea: string;
  socialIndex: number | null;
  requestedCents: number;
  recommendedCents: number;
  submittedAt: Date | null;
  late: boolean;
}

/**
 * The priority of the committee's list, as the guideline weighs it: projects in districts with
 * a higher social index first (DOMAIN.md); among equals the earlier submission; then the
 * reference, so the order is total and the same on every run. Pure, so it is unit-tested.
 */
export function byPriority(a: Omit<RecommendationRow, 'rank'>, b: Omit<RecommendationRow, 'rank'>): number {
  const ai = a.socialIndex ?? Number.NEGATIVE_INFINITY;
  const bi = b.socialIndex ?? Number.NEGATIVE_INFINITY;
  if (ai !== bi) return bi - ai;
  const at = a.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at - bt;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

/**
 * The round's recommendation list for the advisory committee: every application the review
 * recommended for approval that awaits its decision, with the figures the committee weighs,
 * in priority order (byPriority).
 */
export async function recommendationList(db: Db, roundId: string) {
  const round = await db.fundingRound.findUnique({ where: { id: roundId }, include: { programme: true } });
  if (!round) throw new AppError('not_found', t('errors.404.detail'));
  const cases = await db.case.findMany({
    where: { roundId, kind: 'application', state: 'awaiting_decision', recommendedCents: { gt: 0 } },
    include: { organisation: { select: { name: true } } },
  });
  const districtIds = [...new Set(cases.map((c) => c.districtId).filter((id): id is string => id !== null))];
  const [districts, indicators] = await Promise.all([
    db.district.findMany({ where: { id: { in: districtIds } } }),
    indicatorsFor(db, round.year, districtIds),
  ]);
  const districtById = new Map(districts.map((d) => [d.id, d]));
  const rows = cases
    .map((c) => {
      const district = c.districtId ? districtById.get(c.districtId) : undefined;
      return {
        caseId: c.id,
        reference: c.reference,
        title: c.title,
        organisation: c.organisation.name,
        district: district?.name ?? '–',
        planningArea: district?.planningArea ?? '–',
        socialIndex: c.districtId ? (indicators.get(c.districtId)?.socialIndex ?? null) : null,
        requestedCents: c.requestedCents,
        recommendedCents: c.recommendedCents ?? 0,
        submittedAt: c.submittedAt,
        late: c.late,
      };
    })
    .sort(byPriority)
    .map((r, i) => ({ rank: i + 1, ...r }));
  return {
    round,
    rows,
    totals: {
      requestedCents: rows.reduce((s, r) => s + r.requestedCents, 0),
      recommendedCents: rows.reduce((s, r) => s + r.recommendedCents, 0),
    },
  };
}
export type RecommendationList = Awaited<ReturnType<typeof recommendationList>>;
