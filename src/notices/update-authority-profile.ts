import { z } from 'zod';
import { optionalText, postalCode, text, email } from '../http/fields';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { can } from '../auth/policy';

export const authorityProfileInput = z.object({
  name: text(200),
  department: text(200),
  street: text(200),
  postalCode: postalCode(),
  mailPostalCode: z.preprocess((v) => (v === '' ? undefined : v), postalCode().optional()),
  city: text(100),
  email: email(),
  phone: text(50),
  website: optionalText(200),
  signatoryName: text(200),
  signatoryTitle: text(200),
  generalConditionsName: text(300),
  generalConditionsVersion: text(200),
  fundingGuideline: text(300),
});

/** Administrators keep the authority's data current; issued notices keep what they printed. */
export async function updateAuthorityProfile(options: ActorContext & { body: unknown }) {
  const { db, clock, actor } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const parsed = authorityProfileInput.safeParse(options.body);
  if (!parsed.success) {
    throw new AppError('invalid', t('errors.422.detail'), { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const data = { ...parsed.data, mailPostalCode: parsed.data.mailPostalCode ?? null, website: parsed.data.website ?? null, updatedById: actor.id };
  await db.$transaction(async (tx) => {
    await tx.authorityProfile.upsert({ where: { id: 'default' }, create: { id: 'default', ...data }, update: data });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'authority', subjectId: 'default', action: 'UPDATE', payload: { fields: Object.keys(parsed.data) } }, clock.now());
  });
}
