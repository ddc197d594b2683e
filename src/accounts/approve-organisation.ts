import { AppError } from '../http/errors';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import { t } from '../i18n/t';
import type { ActorContext } from './context';

export async function approveOrganisation(options: ActorContext & { organisationId: string }) {
  const { db, clock, actor, organisationId } = options;
  if (!can(actor, 'organisation:approve')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({ where: { id: organisationId } });
    if (!organisation) throw new AppError('not_found', t('errors.404.detail'));
    // Conditional on the state read above, so that two approvals cannot both be recorded.
    const { count } = await tx.organisation.updateMany({
      where: { id: organisationId, status: 'pending' },
      data: { status: 'approved', approvedAt: now, approvedById: actor.id },
    });
    if (count === 0) throw new AppError('conflict', t('accounts.organisationNotPending'));
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'organisation', subjectId: organisationId, action: 'approve', fromState: 'pending', toState: 'approved' },
      now,
    );
    return { ...organisation, status: 'approved' };
  });
}
