import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { NoticeJob } from '../jobs/outbox';
import type { NoticeModel } from './model';
import { grantModel, noticeBase, statementModel, type StatementDraft } from './notice-models';
import { renderNotice } from './render';

/** Builds the notice's view model from the case as it stood when the event was recorded. */
export async function noticeModelFor(db: Db, job: NoticeJob, issuedAt: Date): Promise<NoticeModel> {
  const row = await db.case.findUniqueOrThrow({ where: { id: job.caseId }, include: { organisation: true } });
  const event = await db.auditEvent.findUniqueOrThrow({ where: { id: job.auditEventId } });
  const payload = JSON.parse(event.payload) as Record<string, unknown>;
  const base = await noticeBase(db, row, issuedAt);
  switch (job.noticeKind) {
    case 'receipt':
      return { ...base, kind: 'receipt', submittedAt: event.at.toISOString() };
    case 'request_for_changes':
      return { ...base, kind: 'request_for_changes', message: String(payload.message), dueDate: String(payload.dueDate) };
    case 'grant':
      return grantModel(row, base, payload);
    case 'rejection':
      return { ...base, kind: 'rejection', requestedCents: row.requestedCents, rationale: String(payload.rationale) };
    case 'statement': {
      const draftEvent = await db.auditEvent.findFirstOrThrow({
        where: { subjectType: 'case', subjectId: row.id, action: 'DRAFT_STATEMENT' },
        orderBy: { at: 'desc' },
      });
      return statementModel(db, row, base, JSON.parse(draftEvent.payload) as StatementDraft, event.actorId);
    }
    default:
      throw new Error(`Unknown notice kind ${job.noticeKind}`);
  }
}

/**
 * Renders and stores a notice once. The outbox job id is unique on the notice, so a job that
 * runs again after a crash finds its notice and stops: a decision never yields two notices.
 */
export async function issueNotice(options: { db: Db; job: NoticeJob; jobId: string }): Promise<void> {
  const { db, job, jobId } = options;
  if (await db.notice.findUnique({ where: { jobId } })) return;
  const event = await db.auditEvent.findUniqueOrThrow({ where: { id: job.auditEventId } });
  // The notice is dated with the decision, not with the moment a worker got to it.
  const model = await noticeModelFor(db, job, event.at);
  const bytes = await renderNotice(model);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    await db.notice.create({ data: { caseId: job.caseId, kind: job.noticeKind, sha256, content: Buffer.from(bytes), jobId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
