import { AppError } from '../http/errors';
import { recordAudit } from '../db/audit';
import { t } from '../i18n/t';
import { hashPassword } from './passwords';
import { hashSecretToken } from './secret-tokens';
import { withUniqueEmail } from './unique-email';
import type { UseCaseContext } from './context';

export async function findOpenInvitation(options: UseCaseContext & { token: string }) {
  const { db, clock, token } = options;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    include: { organisation: true },
  });
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.expiresAt <= clock.now() ||
    invitation.organisation.status === 'deactivated'
  ) {
    throw new AppError('not_found', t('accounts.invitationInvalid'));
  }
  return invitation;
}

/** The invited colleague chooses a name and password; the invitation can be used once only. */
export async function acceptInvitation(options: UseCaseContext & { token: string; name: string; password: string }) {
  const { db, clock, name, password } = options;
  const invitation = await findOpenInvitation(options);
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  return withUniqueEmail(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: now },
      });
      if (count === 0) throw new AppError('not_found', t('accounts.invitationInvalid'));
      const user = await tx.user.create({
        data: { email: invitation.email, name, role: 'applicant', passwordHash, organisationId: invitation.organisationId },
      });
      await recordAudit(
        tx,
        { actorId: user.id, subjectType: 'organisation', subjectId: invitation.organisationId, action: 'join', payload: { userId: user.id } },
        now,
      );
      return user;
    }),
  );
}
