import { AppError } from '../http/errors';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import { t } from '../i18n/t';
import { newSecretToken } from './secret-tokens';
import type { ActorContext } from './context';

export const INVITATION_DAYS = 7;

/** A member invites a colleague; the returned token goes into the link and is stored only hashed. */
export async function inviteMember(options: ActorContext & { email: string }) {
  const { db, clock, actor, email } = options;
  const organisationId = actor.organisationId;
  if (!organisationId || !can(actor, 'organisation:invite', organisationId)) {
    throw new AppError('forbidden', t('errors.403.detail'));
  }
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    throw new AppError('invalid', t('errors.422.detail'), { errors: [{ path: 'email', message: t('validation.emailTaken') }] });
  }
  const { token, hash } = newSecretToken('inv');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { tokenHash: hash, email, organisationId, invitedById: actor.id, expiresAt },
    });
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'organisation', subjectId: organisationId, action: 'invite', payload: { email } },
      now,
    );
    return created;
  });
  return { invitation, token };
}
