import { AppError } from '../http/errors';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import { t } from '../i18n/t';
import { endUserAccess } from './end-user-access';
import type { ActorContext } from './context';

/** Deactivating a user ends its sessions and API tokens in the same transaction. */
export async function deactivateUser(options: ActorContext & { userId: string }) {
  const { db, clock, actor, userId } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  if (userId === actor.id) throw new AppError('conflict', t('accounts.cannotDeactivateSelf'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError('not_found', t('errors.404.detail'));
    if (!user.active) return user;
    const updated = await tx.user.update({ where: { id: userId }, data: { active: false, deactivatedAt: now } });
    await endUserAccess(tx, [userId], now);
    await recordAudit(tx, { actorId: actor.id, subjectType: 'user', subjectId: userId, action: 'deactivate' }, now);
    return updated;
  });
}
