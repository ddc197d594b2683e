import { AppError } from '../http/errors';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import { t } from '../i18n/t';
import { endUserAccess } from './end-user-access';
import type { ActorContext } from './context';

/** Deactivates an organisation and all of its members' accounts, ending their access at once. */
export async function deactivateOrganisation(options: ActorContext & { organisationId: string }) {
  const { db, clock, actor, organisationId } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, include: { users: true } });
    if (!organisation) throw new AppError('not_found', t('errors.404.detail'));
    if (organisation.status === 'deactivated') return organisation;
    await tx.organisation.update({ where: { id: organisationId }, data: { status: 'deactivated' } });
    const memberIds = organisation.users.map((u) => u.id);
    await tx.user.updateMany({ where: { id: { in: memberIds }, active: true }, data: { active: false, deactivatedAt: now } });
    await endUserAccess(tx, memberIds, now);
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'organisation', subjectId: organisationId, action: 'deactivate', fromState: organisation.status, toState: 'deactivated' },
      now,
    );
    return { ...organisation, status: 'deactivated' };
  });
}
