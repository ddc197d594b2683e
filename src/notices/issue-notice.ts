import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Clock } from '../clock';
import { isUniqueViolation } from '../db/errors';
import type { NoticeJob } from '../jobs/outbox';
import type { NoticeBase, NoticeModel } from './model';
import { newVerificationCode } from './verification-code';
import { grantModel, noticeBase, statementModel, type StatementDraft } from './notice-models';
import type { NoticeRenderer } from './render-pool';
import type { OutboxHaltPoint } from '../config';
import { haltAt } from '../jobs/test-halt';

/** The notice kind an event issues, if it issues one that records a decision. */
export const decisionNoticeKind: Record<string, string> = { APPROVE: 'grant', REJECT: 'rejection', ISSUE: 'statement' };

/**
 * A notice's view model from the case and the payload of the event that issues it: used for
 * the issued notice, for its preview and for the completeness check before a decision.
 */
export async function noticeModelOf(
  db: Db,
  options: { caseId: string; noticeKind: string; payload: Record<string, unknown>; at: Date; actorId: string | null; verification: NoticeBase['verification'] },
): Promise<NoticeModel> {
  const { noticeKind, payload, at } = options;
  const row = await db.case.findUniqueOrThrow({ where: { id: options.caseId }, include: { organisation: true } });
  const base = await noticeBase(db, row, at, options.verification);
  switch (noticeKind) {
    case 'receipt':
      return { ...base, kind: 'receipt', submittedAt: at.toISOString() };
    case 'request_for_changes':
      return { ...base, kind: 'request_for_changes', message: String(payload.message), dueDate: String(payload.dueDate) };
    case 'grant':
      return grantModel(row, base, payload);
    case 'rejection':
      return { ...base, kind: 'rejection', requestedCents: row.requestedCents, rationale: String(payload.rationale) };
    case 'statement': {
      const draftEvent = await db.auditEvent.findFirst({
        where: { subjectType: 'case', subjectId: row.id, action: 'DRAFT_STATEMENT' },
        orderBy: { at: 'desc' },
      });
      if (!draftEvent) throw new AppError('conflict', t('errors.409.detail'));
      return statementModel(db, row, base, JSON.parse(draftEvent.payload) as StatementDraft, options.actorId);
    }
    default:
      throw new Error(`Unknown notice kind ${noticeKind}`);
  }
}

export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/verify/${code}`;
}

/**
 * Renders and stores a notice once. The outbox job id is unique on the notice, so a job that
 * runs again after a crash finds its notice and stops: a decision never yields two notices.
 */
export async function issueNotice(options: {
  db: Db;
  clock: Clock;
  renderer: NoticeRenderer;
  job: NoticeJob;
  jobId: string;
  baseUrl: string;
  /** Test only (jobs/test-halt.ts). */
  halt?: OutboxHaltPoint;
}): Promise<void> {
  const { db, job, jobId } = options;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await db.notice.findUnique({ where: { jobId } })) return;
    const event = await db.auditEvent.findUniqueOrThrow({ where: { id: job.auditEventId } });
    const code = newVerificationCode();
    // The notice is dated with the decision, not with the moment a worker got to it.
    const replaced = job.replacesNoticeId ? await db.notice.findUniqueOrThrow({ where: { id: job.replacesNoticeId } }) : null;
    const model = await noticeModelOf(db, {
      caseId: job.caseId,
      noticeKind: job.noticeKind,
      payload: JSON.parse(event.payload) as Record<string, unknown>,
      // A correction is dated today; the decision it restates keeps its own date in the record.
      at: replaced ? options.clock.now() : event.at,
      actorId: event.actorId,
      verification: { code, url: verificationUrl(options.baseUrl, code) },
    });
    if (replaced) {
      model.replaces = { code: replaced.verificationCode, issuedAt: replaced.issuedAt.toISOString(), reason: job.correctionReason ?? '' };
    }
    const bytes = await options.renderer.render(model);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await haltAt(options.halt, 'after-render');
    try {
      await db.notice.create({
        data: {
          caseId: job.caseId,
          kind: job.noticeKind,
          sha256,
          content: Buffer.from(bytes),
          jobId,
          verificationCode: code,
          replacesId: replaced?.id ?? null,
          issuedAt: new Date(model.issuedAt),
          authority: `${model.authority.name}, ${model.authority.department}`,
        },
      });
      return;
    } catch (error) {
      // Either another run stored this job's notice (checked at the top) or the code was taken: try again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`Could not store notice for job ${jobId}`);
}
