import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { formatEuro } from '../cases/money';
import type { Tx } from '../db/client';

/**
 * Commits an approved amount against its round's budget, inside the decision's transaction.
 * The increment is one conditional UPDATE (`committedCents + amount <= budgetCents`), evaluated
 * on the row as it is when the write lock is held: PostgreSQL re-checks the condition on the
 * newest row version after waiting for a concurrent approval, SQLite runs one writer at a time.
 * So two heads approving at once can never together commit more than the budget; the loser gets
 * a 409 and its whole decision (case, audit, notice job) is rolled back.
 */
export async function commitToBudget(tx: Tx, roundId: string, amountCents: number, now: Date): Promise<void> {
  const updated = await tx.$executeRaw`UPDATE "FundingRound" SET "committedCents" = "committedCents" + ${amountCents}, "updatedAt" = ${now} WHERE "id" = ${roundId} AND "committedCents" + ${amountCents} <= "budgetCents"`;
  if (updated === 1) return;
  const round = await tx.fundingRound.findUniqueOrThrow({ where: { id: roundId } });
  throw new AppError(
    'conflict',
    t('planning.budgetExceeded', {
      year: round.year,
      amount: formatEuro(amountCents),
      remaining: formatEuro(round.budgetCents - round.committedCents),
      budget: formatEuro(round.budgetCents),
    }),
    { type: 'budget-exceeded' },
  );
}
