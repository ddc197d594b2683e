import type { Tx } from '../db/client';

export type JobKind = 'notice' | 'email';

export interface NoticeJob {
  caseId: string;
  noticeKind: string;
  auditEventId: string;
  /** Set for a correction: the notice this one replaces, and why. */
  replacesNoticeId?: string;
  correctionReason?: string;
}

export interface EmailJob {
  caseId: string;
  audience: 'coordinators' | 'organisation';
  event: string;
  auditEventId: string;
}

/** Adds a side effect to the outbox inside the transaction of the change that causes it. */
export async function enqueueJob(tx: Tx, kind: JobKind, payload: NoticeJob | EmailJob, now: Date): Promise<void> {
  await tx.outboxJob.create({ data: { kind, payload: JSON.stringify(payload), runAfter: now } });
}

/** Maps a machine effect ("notice:grant", "email:organisation") to its outbox job. */
export async function enqueueEffect(
  tx: Tx,
  effect: string,
  context: { caseId: string; event: string; auditEventId: string },
  now: Date,
): Promise<void> {
  const [kind, what] = effect.split(':');
  if (kind === 'notice' && what) {
    await enqueueJob(tx, 'notice', { caseId: context.caseId, noticeKind: what, auditEventId: context.auditEventId }, now);
  } else if (kind === 'email' && (what === 'coordinators' || what === 'organisation')) {
    await enqueueJob(tx, 'email', { caseId: context.caseId, audience: what, event: context.event, auditEventId: context.auditEventId }, now);
  } else {
    throw new Error(`Unknown effect: ${effect}`);
  }
}
