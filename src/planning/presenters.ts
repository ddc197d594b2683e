import { z } from 'zod';
import { toApiMoney } from '../cases/money';
import type { RoundFigures } from './round-figures';

const money = z.string().meta({ example: '35000.00' });

export const programmeResponse = z
  .object({ id: z.string(), name: z.string(), committeeStep: z.boolean(), active: z.boolean() })
  .meta({ id: 'Programme' });

export function presentProgramme(p: { id: string; name: string; committeeStep: boolean; active: boolean }): z.infer<typeof programmeResponse> {
  return { id: p.id, name: p.name, committeeStep: p.committeeStep, active: p.active };
}

export const roundResponse = z
  .object({
    id: z.string(),
    programme: z.string(),
    year: z.number().int(),
    deadline: z.string(),
    latePolicy: z.enum(['refuse', 'flag']),
    committee: z.boolean().meta({ description: "The programme's committee step" }),
    budget: money,
    committed: money.meta({ description: 'Sum of approved amounts' }),
    recommended: money.meta({ description: 'Recommended for approval, awaiting the decision' }),
    remaining: money.meta({ description: 'budget − committed' }),
  })
  .meta({ id: 'Round' });

export function presentRound(
  round: { id: string; programmeId: string; year: number; deadline: string; latePolicy: string },
  programme: { committeeStep: boolean },
  figures: RoundFigures,
): z.infer<typeof roundResponse> {
  return {
    id: round.id,
    programme: round.programmeId,
    year: round.year,
    deadline: round.deadline,
    latePolicy: round.latePolicy as 'refuse' | 'flag',
    committee: programme.committeeStep,
    budget: toApiMoney(figures.budgetCents),
    committed: toApiMoney(figures.committedCents),
    recommended: toApiMoney(figures.recommendedCents),
    remaining: toApiMoney(figures.remainingCents),
  };
}
