import { z } from 'zod';
import { optionalText, postalCode, text, email } from '../http/fields';
import { changeAuthorityProfile } from './authority';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { can } from '../auth/policy';
import { standardNoticeTexts, unknownPlaceholders, type NoticeTexts } from './notice-texts';

/** A notice text: CRLF from the browser becomes LF, unknown placeholders are refused. */
const noticeText = () =>
  z
    .string({ error: t('validation.required') })
    .transform((v) => v.replace(/\r\n?/g, '\n'))
    .pipe(text(5000))
    .superRefine((v, ctx) => {
      const unknown = unknownPlaceholders(v);
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: t('notices.unknownPlaceholder', { placeholders: unknown.join(', ') }) });
    });

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
  legalRemedyText: noticeText(),
  paymentTerms: noticeText(),
  proofOfUseMonths: z.coerce.number({ error: t('validation.required') }).int(t('notices.proofOfUseMonthsRange')).min(1, t('notices.proofOfUseMonthsRange')).max(24, t('notices.proofOfUseMonthsRange')),
  proofOfUseTerms: noticeText(),
  dataProtectionText: noticeText(),
});

/** The form's text fields and the standard texts they replace. */
export const noticeTextFields: Record<'legalRemedyText' | 'paymentTerms' | 'proofOfUseTerms' | 'dataProtectionText', keyof NoticeTexts> = {
  legalRemedyText: 'legalRemedy',
  paymentTerms: 'paymentTerms',
  proofOfUseTerms: 'proofOfUseTerms',
  dataProtectionText: 'dataProtection',
};

/** A text equal to the standard one is stored as null, so that it follows later revisions of the standard. */
function ownTextOrNull(field: keyof typeof noticeTextFields, value: string): string | null {
  return value === standardNoticeTexts[noticeTextFields[field]] ? null : value;
}

/** Administrators keep the authority's data current; issued notices keep what they printed. */
export async function updateAuthorityProfile(options: ActorContext & { body: unknown }) {
  const { db, clock, actor } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const parsed = authorityProfileInput.safeParse(options.body);
  if (!parsed.success) {
    throw new AppError('invalid', t('errors.422.detail'), { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const p = parsed.data;
  const data = {
    ...p,
    mailPostalCode: p.mailPostalCode ?? null,
    website: p.website ?? null,
    legalRemedyText: ownTextOrNull('legalRemedyText', p.legalRemedyText),
    paymentTerms: ownTextOrNull('paymentTerms', p.paymentTerms),
    proofOfUseTerms: ownTextOrNull('proofOfUseTerms', p.proofOfUseTerms),
    dataProtectionText: ownTextOrNull('dataProtectionText', p.dataProtectionText),
    updatedById: actor.id,
  };
  const now = clock.now();
  await db.$transaction(async (tx) => {
    await changeAuthorityProfile(tx, now, async () => {
      await tx.authorityProfile.upsert({ where: { id: 'default' }, create: { id: 'default', ...data }, update: data });
    });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'authority', subjectId: 'default', action: 'UPDATE', payload: { fields: Object.keys(parsed.data) } }, now);
  });
}
