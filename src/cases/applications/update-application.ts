import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import { recordAudit } from '../../db/audit';
import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import { checkIfMatch } from '../engine/apply-event';
import { loadVisibleCase } from '../engine/load-case';
import { applicationDataOf, totalsOf } from './data';
import { toApplicationData } from './to-data';
import type { ApplicationDraftInput } from './schemas';

const EDITABLE_STATES = ['draft', 'changes_requested'];

/** The organisation edits its application while it is a draft or changes were requested. */
export async function updateApplication(
  options: UseCaseContext & { actor: Actor; caseId: string; input: ApplicationDraftInput; ifMatch?: number },
) {
  const { db, clock, actor, caseId, input, ifMatch } = options;
  const row = await loadVisibleCase(db, actor, 'application', caseId);
  checkIfMatch(row, ifMatch);
  if (actor.role !== 'applicant') throw new AppError('forbidden', t('errors.403.detail'));
  if (!EDITABLE_STATES.includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
  const changes = await toApplicationData(db, input);
  const data = { ...applicationDataOf(row), ...changes };
  const totals = totalsOf(data);
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const { count } = await tx.case.updateMany({
      where: { id: row.id, version: row.version, state: { in: EDITABLE_STATES } },
      data: {
        data: JSON.stringify(data),
        title: data.title ?? '',
        districtId: data.districtId ?? null,
        totalCostCents: totals.totalCostCents,
        requestedCents: totals.requestedCents,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError('conflict', t('cases.changedMeanwhile'));
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'UPDATE', payload: { fields: Object.keys(changes) } },
      now,
    );
    return tx.case.findUniqueOrThrow({ where: { id: row.id } });
  });
}
