import { AppError } from '../http/errors';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import { t } from '../i18n/t';
import { hashPassword } from './passwords';
import { withUniqueEmail } from './unique-email';
import type { ActorContext } from './context';
import type { UserInput } from './schemas';

export async function createUser(options: ActorContext & { input: UserInput }) {
  const { db, clock, actor, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', 'Only administrators create users');
  const organisationId = input.role === 'applicant' ? input.organisationId! : null;
  if (organisationId) {
    const organisation = await db.organisation.findUnique({ where: { id: organisationId } });
    if (!organisation) {
      throw new AppError('invalid', t('errors.422.detail'), {
        errors: [{ path: 'organisationId', message: t('validation.organisationUnknown') }],
      });
    }
  }
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  return withUniqueEmail(() =>
    db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash, organisationId },
        include: { organisation: true },
      });
      await recordAudit(
        tx,
        { actorId: actor.id, subjectType: 'user', subjectId: user.id, action: 'create', payload: { role: user.role } },
        now,
      );
      return user;
    }),
  );
}
