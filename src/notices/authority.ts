import type { Db } from '../db/client';
import type { Authority } from './model';

/** Erfurt's defaults for the authority profile, seeded into an empty database. */
export const defaultAuthority: Authority = {
  name: 'Landeshauptstadt Erfurt',
  department: 'Amt für Soziales',
  street: 'Juri-Gagarin-Ring 150',
  postalCode: '99084',
  city: 'Erfurt',
  mailPostalCode: '99111',
  email: 'soziales@erfurt.de',
  phone: '0361 655-0',
  website: 'www.erfurt.de',
  signatoryName: 'Dr. Sabine Hoffmann',
  signatoryTitle: 'Amtsleiterin',
  generalConditions: {
    name: 'Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P)',
    version: 'Fassung vom 1. Januar 2024',
  },
  fundingGuideline: 'Förderrichtlinie der Landeshauptstadt Erfurt zur Erfüllung sozialer Aufgaben (FRL Soziales)',
};

const PROFILE_ID = 'default';

/** The authority as administrators last set it; notices copy it when rendered. */
export async function loadAuthority(db: Db): Promise<Authority> {
  const p = await db.authorityProfile.findUnique({ where: { id: PROFILE_ID } });
  if (!p) return defaultAuthority;
  return {
    name: p.name,
    department: p.department,
    street: p.street,
    postalCode: p.postalCode,
    ...(p.mailPostalCode ? { mailPostalCode: p.mailPostalCode } : {}),
    city: p.city,
    email: p.email,
    phone: p.phone,
    ...(p.website ? { website: p.website } : {}),
    signatoryName: p.signatoryName,
    signatoryTitle: p.signatoryTitle,
    generalConditions: { name: p.generalConditionsName, version: p.generalConditionsVersion },
    fundingGuideline: p.fundingGuideline,
  };
}

export async function seedAuthorityProfile(db: Db): Promise<void> {
  const a = defaultAuthority;
  await db.authorityProfile.upsert({
    where: { id: PROFILE_ID },
    update: {},
    create: {
      id: PROFILE_ID,
      name: a.name,
      department: a.department,
      street: a.street,
      postalCode: a.postalCode,
      mailPostalCode: a.mailPostalCode ?? null,
      city: a.city,
      email: a.email,
      phone: a.phone,
      website: a.website ?? null,
      signatoryName: a.signatoryName,
      signatoryTitle: a.signatoryTitle,
      generalConditionsName: a.generalConditions.name,
      generalConditionsVersion: a.generalConditions.version,
      fundingGuideline: a.fundingGuideline ?? '',
    },
  });
}
