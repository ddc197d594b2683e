import { hashPassword } from '../accounts/passwords';
import type { Role } from '../accounts/roles';
import type { Db } from './client';
import { seedDemoPlanning } from './demo-planning';
import { seedSchematicMap } from '../reports/schematic-map';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: 'traeger@demo.foerderportal.de', name: 'Jana Yılmaz', role: 'applicant' },
  { email: 'koordination@demo.foerderportal.de', name: 'Thomas Krause', role: 'coordinator' },
  { email: 'amtsleitung@demo.foerderportal.de', name: 'Dr. Sabine Hoffmann', role: 'head' },
  { email: 'admin@demo.foerderportal.de', name: 'Max Administrator', role: 'admin' },
];

/** Seeds demo accounts, a demo organisation, funding rounds and district figures into an empty database; returns whether it did. */
export async function seedDemoData(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: {
        name: 'Łódź-Brücke e.V. – Nachbarschaftshilfe Erfurt',
        street: 'Magdeburger Allee 12',
        postalCode: '99086',
        city: 'Erfurt',
        email: 'kontakt@lodz-bruecke.example',
        phone: '0361 123456',
        status: 'approved',
        approvedAt: new Date(),
      },
    });
    await tx.organisation.create({
      data: { name: 'Stadtteilladen Rieth gGmbH', street: 'Mainzer Straße 30', postalCode: '99089', city: 'Erfurt', status: 'pending' },
    });
    for (const account of demoAccounts) {
      await tx.user.create({
        data: { ...account, passwordHash, organisationId: account.role === 'applicant' ? organisation.id : null },
      });
    }
    await seedDemoPlanning(tx);
    await seedSchematicMap(tx);
  });
  return true;
}
