import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { formatEuro } from '../cases/money';
import { invalidField } from '../cases/event-checks';
import type { RoundPatch } from './schemas';

/**
 * An administrator changes a round's deadline, budget or late policy. A budget below what is
 * already committed is refused; the check is part of the conditional update, so an approval
 * committing at the same moment cannot slip under it.
 */
export async function updateRound(options: ActorContext & { roundId: string; input: RoundPatch }) {
  const { db, clock, actor, roundId, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const round = await tx.fundingRound.findUnique({ where: { id: roundId } });
    if (!round) throw new AppError('not_found', t('errors.404.detail'));
    const { budget, ...rest } = input;
    const data = { ...rest, ...(budget !== undefined ? { budgetCents: budget } : {}) };
    if (Object.keys(data).length === 0) return round;
    const where = budget !== undefined ? { id: roundId, committedCents: { lte: budget } } : { id: roundId };
    const { count } = await tx.fundingRound.updateMany({ where, data });
    if (count === 0) {
      const current = await tx.fundingRound.findUniqueOrThrow({ where: { id: roundId } });
      throw invalidField('budget', t('planning.budgetBelowCommitted', { committed: formatEuro(current.committedCents) }));
    }
    await recordAudit(tx, { actorId: actor.id, subjectType: 'round', subjectId: roundId, action: 'update', payload: { ...input } }, now);
    return tx.fundingRound.findUniqueOrThrow({ where: { id: roundId } });
  });
}
