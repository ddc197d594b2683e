import { z } from 'zod';
import { AppError } from '../http/errors';
import { text } from '../http/fields';
import { parse } from '../http/validate';
import { t } from '../i18n/t';
import { recordAudit } from '../db/audit';
import { enqueueJob, type NoticeJob } from '../jobs/outbox';
import type { ActorContext } from '../accounts/context';

export const correctionInput = z.object({ reason: text(2000) }).meta({ id: 'NoticeCorrection' });

/**
 * An issued notice never changes: a head corrects it by having a new notice issued that names
 * the one it replaces. Both stay available; the case shows which is in force.
 */
export async function correctNotice(options: ActorContext & { noticeId: string; body: unknown; onCommitted?: () => void }) {
  const { db, clock, actor, noticeId } = options;
  if (actor.role !== 'head') throw new AppError('forbidden', t('errors.403.detail'));
  const { reason } = parse(correctionInput, options.body ?? {});
  const notice = await db.notice.findUnique({ where: { id: noticeId }, include: { case: true } });
  if (!notice) throw new AppError('not_found', t('errors.404.detail'));
  const job = await db.outboxJob.findUniqueOrThrow({ where: { id: notice.jobId } });
  const original = JSON.parse(job.payload) as NoticeJob;
  const now = clock.now();
  await db.$transaction(async (tx) => {
    // Compare-and-set on the case as read: two corrections at once would otherwise both count
    // no correction yet (PostgreSQL's read committed) and both be issued. The loser gets a 409.
    const { count } = await tx.case.updateMany({ where: { id: notice.caseId, version: notice.case.version }, data: { version: { increment: 1 } } });
    if (count === 0) throw new AppError('conflict', t('cases.changedMeanwhile'));
    const replaced = await tx.notice.count({ where: { replacesId: notice.id } });
    const pending = await tx.outboxJob.count({ where: { kind: 'notice', status: { in: ['pending', 'running'] }, payload: { contains: `"replacesNoticeId":"${notice.id}"` } } });
    if (replaced + pending > 0) throw new AppError('conflict', t('notices.alreadyCorrected'));
    const auditEventId = await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'case', subjectId: notice.caseId, action: 'CORRECT_NOTICE', payload: { noticeId: notice.id, kind: notice.kind, reason } },
      now,
    );
    await enqueueJob(tx, 'notice', { ...original, replacesNoticeId: notice.id, correctionReason: reason }, now);
    // A correction is a new act: the provider is told, as for the original.
    await enqueueJob(tx, 'email', { caseId: notice.caseId, audience: 'organisation', event: 'CORRECT_NOTICE', auditEventId }, now);
  });
  options.onCommitted?.();
  return { caseId: notice.caseId, kind: notice.case.kind };
}
