import { createHash } from 'node:crypto';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Db } from '../db/client';
import { loadAuthority } from './authority';
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
  const [authority, replacement] = await Promise.all([
    loadAuthority(db),
    db.notice.findFirst({ where: { replacesId: notice.id }, select: { verificationCode: true, createdAt: true } }),
  ]);
  return {
    replacedBy: replacement ? { code: replacement.verificationCode, issuedAt: replacement.createdAt } : null,
    code,
    kind: notice.kind,
    kindLabel: t(`labels.noticeKinds.${notice.kind}`),
    reference: notice.case.reference,
    issuedAt: notice.createdAt,
    sha256: notice.sha256,
    authority: `${authority.name}, ${authority.department}`,
  };
}

/** Whether uploaded bytes are exactly the notice issued under the code. */
export async function matchesIssuedNotice(db: Db, rawCode: string, bytes: Buffer): Promise<boolean> {
  const notice = await findIssuedNotice(db, rawCode);
  return createHash('sha256').update(bytes).digest('hex') === notice.sha256;
}
