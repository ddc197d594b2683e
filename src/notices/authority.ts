import type { Db, Tx } from '../db/client';
import type { Authority } from './model';
import { fillPlaceholders, standardNoticeTexts, type NoticeTexts } from './notice-texts';

type Address = Parameters<typeof fillPlaceholders>[1];

/** The texts as printed: the authority's own where it set one, else the standard text. */
export function noticeTextsFor(address: Address, own: Partial<Record<keyof NoticeTexts, string | null>> = {}): NoticeTexts {
  const text = (key: keyof NoticeTexts): string => fillPlaceholders(own[key] ?? standardNoticeTexts[key], address);
  return { legalRemedy: text('legalRemedy'), paymentTerms: text('paymentTerms'), proofOfUseTerms: text('proofOfUseTerms'), dataProtection: text('dataProtection') };
}

const erfurt = { name: 'Landeshauptstadt Erfurt', department: 'Amt für Soziales', street: 'Juri-Gagarin-Ring 150', postalCode: '99084', city: 'Erfurt' };

/** Erfurt's defaults for the authority profile, seeded into an empty database. */
export const defaultAuthority: Authority = {
  ...erfurt,
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
  texts: noticeTextsFor(erfurt),
  proofOfUseMonths: 6,
};

const PROFILE_ID = 'default';

type ProfileRow = NonNullable<Awaited<ReturnType<Db['authorityProfile']['findUnique']>>>;
type ProfileColumns = Omit<ProfileRow, 'logo' | 'logoMediaType' | 'updatedAt'>;

function authorityOf(p: ProfileColumns, logo: { logo: Uint8Array | null; logoMediaType: string | null }): Authority {
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
    texts: noticeTextsFor(p, {
      legalRemedy: p.legalRemedyText,
      paymentTerms: p.paymentTerms,
      proofOfUseTerms: p.proofOfUseTerms,
      dataProtection: p.dataProtectionText,
    }),
    proofOfUseMonths: p.proofOfUseMonths,
    ...(logo.logo && (logo.logoMediaType === 'image/png' || logo.logoMediaType === 'image/jpeg')
      ? { logo: { mediaType: logo.logoMediaType, bytes: new Uint8Array(logo.logo) } }
      : {}),
  };
}

/** The authority as administrators last set it. */
export async function loadAuthority(db: Db): Promise<Authority> {
  const p = await db.authorityProfile.findUnique({ where: { id: PROFILE_ID } });
  return p ? authorityOf(p, p) : defaultAuthority;
}

/**
 * The authority as it stood at a moment: what a notice decided then prints, whenever a worker
 * renders it. Without revisions (a profile never changed since it was seeded) that is the
 * profile as it is.
 */
export async function loadAuthorityAsOf(db: Db, at: Date): Promise<Authority> {
  const revision = await db.authorityProfileRevision.findFirst({ where: { validFrom: { lte: at } }, orderBy: { validFrom: 'desc' } });
  return revision ? authorityOf(JSON.parse(revision.profile) as ProfileColumns, revision) : loadAuthority(db);
}

async function recordRevision(tx: Tx, validFrom: Date): Promise<void> {
  const row = await tx.authorityProfile.findUnique({ where: { id: PROFILE_ID } });
  if (!row) return;
  const { logo, logoMediaType, updatedAt: _updatedAt, ...columns } = row;
  await tx.authorityProfileRevision.create({ data: { validFrom, profile: JSON.stringify(columns), logo, logoMediaType } });
}

/**
 * Changes the profile and keeps the state it leaves: on the first change, the state before it
 * (valid from the beginning), then after every change the new state, valid from now.
 */
export async function changeAuthorityProfile(tx: Tx, now: Date, change: () => Promise<void>): Promise<void> {
  if ((await tx.authorityProfileRevision.count()) === 0) await recordRevision(tx, new Date(0));
  await change();
  await recordRevision(tx, now);
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
