import { hashPassword } from '../../src/accounts/passwords';
import type { Role } from '../../src/accounts/roles';
import type { Db } from '../../src/db/client';

export const PASSWORD = 'Richtig-Langes-Passwort-1';

let hashed: Promise<string> | undefined;
let counter = 0;

/** Named after the state they build, as the rest of the factories will be. */
export async function buildApprovedOrganisation(db: Db, overrides: { name?: string } = {}) {
  counter += 1;
  return db.organisation.create({
    data: {
      name: overrides.name ?? `Nachbarschaftsverein ${counter} e.V.`,
      street: 'Anger 1',
      postalCode: '99084',
      city: 'Erfurt',
      status: 'approved',
      approvedAt: new Date(),
    },
  });
}

export async function buildPendingOrganisation(db: Db) {
  counter += 1;
  return db.organisation.create({
    data: { name: `Neuer Träger ${counter} gGmbH`, street: 'Anger 2', postalCode: '99084', city: 'Erfurt', status: 'pending' },
  });
}

export async function buildUser(db: Db, role: Role, options: { organisationId?: string; email?: string } = {}) {
  counter += 1;
  hashed ??= hashPassword(PASSWORD);
  const organisationId = role === 'applicant' ? (options.organisationId ?? (await buildApprovedOrganisation(db)).id) : null;
  return db.user.create({
    data: {
      email: options.email ?? `${role}-${counter}-${Date.now()}@test.example`,
      name: `${role} ${counter}`,
      role,
      passwordHash: await hashed,
      organisationId,
    },
    include: { organisation: true },
  });
}
