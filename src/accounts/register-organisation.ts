import { recordAudit } from '../db/audit';
import { hashPassword } from './passwords';
import { withUniqueEmail } from './unique-email';
import type { UseCaseContext } from './context';
import type { RegistrationInput } from './schemas';

/** A provider registers its organisation and first member; staff approve it before it submits. */
export async function registerOrganisation(options: UseCaseContext & { input: RegistrationInput }) {
  const { db, clock, input } = options;
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  return withUniqueEmail(() =>
    db.$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: {
          name: input.organisationName,
          street: input.street,
          postalCode: input.postalCode,
          city: input.city,
          email: input.organisationEmail ?? null,
          phone: input.phone ?? null,
          status: 'pending',
        },
      });
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: 'applicant', passwordHash, organisationId: organisation.id },
      });
      await recordAudit(
        tx,
        { actorId: user.id, subjectType: 'organisation', subjectId: organisation.id, action: 'register', toState: 'pending' },
        now,
      );
      return { organisation, user };
    }),
  );
}
