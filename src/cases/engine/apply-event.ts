import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import { recordAudit } from '../../db/audit';
import { enqueueEffect } from '../../jobs/outbox';
import { assertDecisionNoticeComplete } from '../../notices/check-notice';
import { decisionNoticeKind } from '../../notices/issue-notice';
import type { Actor } from '../../auth/policy';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import type { CaseKind, CaseRow, Persisted } from '../case-kind';
import { countKeyOf, moveCaseCount } from '../case-counts';
import { loadVisibleCase } from './load-case';
import { swapCase } from './swap-case';

export function persistedOf(kind: CaseKind, row: CaseRow): Persisted {
  return kind.migrate({ value: row.state, context: JSON.parse(row.context) as unknown }, row.machineVersion);
}

/** Compares a client's If-Match version with the stored one (412 when stale). */
export function checkIfMatch(row: { version: number }, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== row.version) {
    throw new AppError('precondition_failed', t('errors.412.detail'));
  }
}

/**
 * The one recipe for moving a case (ARCHITECTURE.md): load what the caller may see (404),
 * authorise (403), validate the payload (422), ask the machine (409), then in one transaction
 * compare-and-swap the row on its version, append the audit event and enqueue the side effects;
 * the kind's own transactional work (an application's round and budget) joins that transaction.
 */
export async function applyEvent(options: {
  db: Db;
  clock: Clock;
  kind: CaseKind;
  actor: Actor;
  caseId: string;
  type: string;
  body: unknown;
  ifMatch?: number;
  /** Called after the commit when the event enqueued side effects (the outbox's cue to run). */
  onCommitted?: () => void;
}): Promise<CaseRow> {
  const { db, clock, kind, actor, caseId, type, body, ifMatch } = options;
  if (!kind.eventTypes.includes(type)) {
    throw new AppError('invalid', t('errors.422.detail'), { errors: [{ path: 'type', message: t('cases.unknownEvent') }] });
  }
  const row = await loadVisibleCase(db, actor, kind.kind, caseId);
  if (!kind.mayAttempt(actor, type, row)) throw new AppError('forbidden', t('cases.notYourTurn'));
  checkIfMatch(row, ifMatch);
  const now = clock.now();
  const payload = kind.parseEvent(type, body, { row, now });
  if (decisionNoticeKind[type]) {
    // A decision is asked of the workflow first (409), then whether its notice could be made (422).
    if (!kind.decide(persistedOf(kind, row), { ...payload, type, actor }).ok) throw new AppError('conflict', t('errors.409.detail'));
    await assertDecisionNoticeComplete(db, { caseId: row.id, type, payload, at: now, actorId: actor.id });
  }

  const committed = await db.$transaction(async (tx) => {
    let facts: unknown;
    if (kind.submissionEvents.includes(type)) {
      const check = await kind.checkSubmission(tx, row);
      if (check.missing.length > 0) {
        throw new AppError('invalid', t('cases.incomplete'), { errors: check.missing });
      }
      facts = check.facts;
    }
    const decision = kind.decide(persistedOf(kind, row), { ...payload, ...(facts ? { facts } : {}), type, actor });
    if (!decision.ok) throw new AppError('conflict', t('errors.409.detail'));

    const extra = kind.inTransaction ? await kind.inTransaction(tx, type, payload, { actor, now, row }) : {};
    const columns = { ...kind.columnsFor(type, payload, { actor, now, row, next: decision.next }), ...extra };
    const updated = await swapCase(tx, row, {
      state: decision.to,
      context: JSON.stringify(decision.next.context),
      machineVersion: kind.machineVersion,
      ...columns,
    });
    // Someone else changed the case since we read it: their change wins, ours is refused whole.
    if (!updated) throw new AppError('conflict', t('cases.changedMeanwhile'));
    await moveCaseCount(tx, countKeyOf(row), countKeyOf(updated));
    const auditEventId = await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: type, fromState: decision.from, toState: decision.to, payload },
      now,
    );
    for (const effect of decision.effects) {
      await enqueueEffect(tx, effect, { caseId: row.id, event: type, auditEventId }, now);
    }
    return { updated, effects: decision.effects.length };
  });
  // Most events enqueue nothing: waking the outbox for them would cost a query each.
  if (committed.effects > 0) options.onCommitted?.();
  return committed.updated;
}
