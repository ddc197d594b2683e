import { createHash } from 'node:crypto';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Db } from '../db/client';
import { normaliseVerificationCode } from './verification-code';

/**
 * What anyone may learn from a verification code: that such a notice was issued, by whom, when,
 * of which kind and with which fingerprint. No addressee, no amounts, no personal data.
 */
export async function findIssuedNotice(db: Db, rawCode: string) {
  const code = normaliseVerificationCode(rawCode);
  const notice = code.startsWith('LEGACY-')
    ? null
    : await db.notice.findUnique({ where: { verificationCode: code }, include: { case: { select: { reference: true } } } });
  if (!notice) throw new AppError('not_found', t('verify.unknownCode'));
  const replacement = await db.notice.findFirst({ where: { replacesId: notice.id }, select: { verificationCode: true, issuedAt: true } });
  return {
    replacedBy: replacement ? { code: replacement.verificationCode, issuedAt: replacement.issuedAt } : null,
    code,
    kind: notice.kind,
    kindLabel: t(`labels.noticeKinds.${notice.kind}`),
    reference: notice.case.reference,
    issuedAt: notice.issuedAt,
    sha256: notice.sha256,
    authority: notice.authority,
  };
}

/** Whether uploaded bytes are exactly the notice issued under the code. */
export async function matchesIssuedNotice(db: Db, rawCode: string, bytes: Buffer): Promise<boolean> {
  const notice = await findIssuedNotice(db, rawCode);
  return createHash('sha256').update(bytes).digest('hex') === notice.sha256;
}
