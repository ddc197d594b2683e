import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { recordAudit } from '../db/audit';
import type { UseCaseContext } from '../accounts/context';
import type { Actor } from '../auth/policy';
import { checkIfMatch } from './engine/apply-event';
import { loadVisibleCase } from './engine/load-case';
import type { CaseRow } from './case-kind';
import type { CaseColumns } from './create-case';
import type { Tx } from '../db/client';

export const EDITABLE_STATES = ['draft', 'changes_requested'];

/**
 * Inside a change to an editable case (its data or attachments): the case must still be as read
 * and editable, and its version grows, so a submission at the same moment and this change never
 * both succeed.
 */
export async function claimEditableCase(tx: Tx, row: { id: string; version: number }): Promise<void> {
  const { count } = await tx.case.updateMany({
    where: { id: row.id, version: row.version, state: { in: EDITABLE_STATES } },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw new AppError('conflict', t('cases.changedMeanwhile'));
}

/**
 * Inside a change that does not depend on the version read (adding or removing a file): waits
 * for every other change to the case, then counts on what they committed. The row update takes
 * the case's write lock (a row lock on PostgreSQL, the database lock on SQLite), so checks made
 * after it, like the per-case file limit, hold for parallel requests too. A case no longer
 * editable is a 409.
 */
export async function lockEditableCase(tx: Tx, caseId: string): Promise<void> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, state: { in: EDITABLE_STATES } },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw new AppError('conflict', t('cases.notEditable'));
}

/**
 * The organisation edits its case while it is a draft or changes were requested. `merge` turns
 * the stored row and the input into the new data and columns; the write is a compare-and-swap
 * on the version, so a concurrent change is a 409 and a stale If-Match a 412.
 */
export async function updateCase(
  options: UseCaseContext & {
    actor: Actor;
    kind: string;
    caseId: string;
    ifMatch?: number;
    merge: (row: CaseRow) => Promise<{ data: object; columns: CaseColumns; fields: string[] }>;
  },
) {
  const { db, clock, actor, caseId, ifMatch } = options;
  const row = await loadVisibleCase(db, actor, options.kind, caseId);
  if (actor.role !== 'applicant') throw new AppError('forbidden', t('errors.403.detail'));
  checkIfMatch(row, ifMatch);
  if (!EDITABLE_STATES.includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
  const { data, columns, fields } = await options.merge(row);
  const now = clock.now();
  return db.$transaction(async (tx) => {
    await claimEditableCase(tx, row);
    await tx.case.update({ where: { id: row.id }, data: { data: JSON.stringify(data), ...columns } });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'UPDATE', payload: { fields } }, now);
    return tx.case.findUniqueOrThrow({ where: { id: row.id } });
  });
}
