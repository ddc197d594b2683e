import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';

/** A notice for the organisation it is addressed to and for staff; anyone else gets a 404. */
export async function readNotice(options: { db: Db; actor: Actor; noticeId: string }) {
  const { db, actor, noticeId } = options;
  const notice = await db.notice.findUnique({ where: { id: noticeId }, include: { case: { select: { organisationId: true, reference: true } } } });
  if (!notice || (actor.role === 'applicant' && notice.case.organisationId !== actor.organisationId)) {
    throw new AppError('not_found', t('errors.404.detail'));
  }
  return { notice, fileName: `${notice.case.reference}-${notice.kind}.pdf` };
}
