import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';
import { berlinWallClock } from '../exports/table';
import { inList, reportQuery } from './sql';
import type { ReportScope } from './scope';

export interface BudgetMonth {
  /** "2027-03" */
  month: string;
  committedCents: number;
  approvals: number;
  /** Committed from the first month up to and including this one. */
  cumulativeCents: number;
}

export interface BudgetReport {
  budgetCents: number;
  committedCents: number;
  /** Recommended for approval and awaiting the head's decision. */
  recommendedUndecidedCents: number;
  recommendedUndecidedCases: number;
  remainingCents: number;
  /** What would be left if every pending recommendation were approved as recommended. */
  remainingAfterRecommendedCents: number;
  /** Committed share of the budget (0..1), or null without a budget. */
  usedShare: number | null;
  months: BudgetMonth[];
}

/**
 * Budget use of the scope's rounds: the budget and what approvals committed (the rounds' own
 * counter, raised in each approval's transaction), what recommendations still ask for, and the
 * commitments month by month (by decision date, in Berlin).
 */
export async function budgetReport(options: { db: Db; provider: DatabaseProvider; scope: ReportScope }): Promise<BudgetReport> {
  const { db, provider, scope } = options;
  const budgetCents = scope.rounds.reduce((s, r) => s + r.budgetCents, 0);
  const committedCents = scope.rounds.reduce((s, r) => s + r.committedCents, 0);
  const ids = scope.roundIds;
  const [pending, hours] = ids.length
    ? await Promise.all([
        db.case.aggregate({
          where: { kind: 'application', roundId: { in: ids }, state: 'awaiting_decision', recommendedCents: { gt: 0 } },
          _sum: { recommendedCents: true },
          _count: { _all: true },
        }),
        reportQuery<{ hour: string; cents: number | bigint; n: number | bigint }>(
          db,
          provider,
          (d) => `SELECT ${d.hourOf('"decidedAt"')} AS "hour", SUM("approvedCents") AS "cents", COUNT(*) AS "n"
                  FROM "Case"
                  WHERE "kind" = 'application' AND "state" = 'approved' AND "decidedAt" IS NOT NULL AND "roundId" IN ${inList(d, 1, ids.length)}
                  GROUP BY 1`,
          ids,
        ),
      ])
    : [{ _sum: { recommendedCents: 0 }, _count: { _all: 0 } }, []];
  const byMonth = new Map<string, { cents: number; n: number }>();
  for (const h of hours) {
    // The UTC hour's month in Berlin: a grant decided at 23:30 on 31 March in Berlin counts for March.
    const local = berlinWallClock(new Date(`${h.hour.replace(' ', 'T')}:30:00Z`));
    const month = `${local.year}-${String(local.month).padStart(2, '0')}`;
    const m = byMonth.get(month) ?? { cents: 0, n: 0 };
    m.cents += Number(h.cents);
    m.n += Number(h.n);
    byMonth.set(month, m);
  }
  let cumulative = 0;
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, committedCents: m.cents, approvals: m.n, cumulativeCents: (cumulative += m.cents) }));
  const recommendedUndecidedCents = pending._sum.recommendedCents ?? 0;
  return {
    budgetCents,
    committedCents,
    recommendedUndecidedCents,
    recommendedUndecidedCases: pending._count._all,
    remainingCents: budgetCents - committedCents,
    remainingAfterRecommendedCents: budgetCents - committedCents - recommendedUndecidedCents,
    usedShare: budgetCents > 0 ? committedCents / budgetCents : null,
    months,
  };
}
