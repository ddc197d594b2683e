import type { Db, Tx } from '../db/client';

export interface RoundFigures {
  budgetCents: number;
  committedCents: number;
  /** Recommended for approval by the review and still waiting for the head's decision. */
  recommendedCents: number;
  remainingCents: number;
  /** What is left if every pending recommendation were approved as recommended. */
  afterRecommendedCents: number;
}

/** The budget position of a round: what the decision page and GET /api/v1/rounds/:id show. */
export async function roundFigures(db: Db | Tx, round: { id: string; budgetCents: number; committedCents: number }): Promise<RoundFigures> {
  const pending = await db.case.aggregate({
    where: { roundId: round.id, state: 'awaiting_decision' },
    _sum: { recommendedCents: true },
  });
  const recommendedCents = pending._sum.recommendedCents ?? 0;
  const remainingCents = round.budgetCents - round.committedCents;
  return {
    budgetCents: round.budgetCents,
    committedCents: round.committedCents,
    recommendedCents,
    remainingCents,
    afterRecommendedCents: remainingCents - recommendedCents,
  };
}
