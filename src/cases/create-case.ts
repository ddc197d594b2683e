import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { recordAudit } from '../db/audit';
import type { UseCaseContext } from '../accounts/context';
import type { Actor } from '../auth/policy';
import type { CaseKind } from './case-kind';
import { nextReference } from './references';
import { countKeyOf, moveCaseCount } from './case-counts';

/** The columns lists and reports use, derived by each kind from its form data. */
export interface CaseColumns {
  title: string;
  districtId: string | null;
  fieldOfActionId?: string | null;
  totalCostCents: number;
  requestedCents: number;
  deadline?: string | null;
  roundId?: string | null;
}

/** A member of a freier Träger starts a draft of any kind; the kind supplies data, columns and reference. */
export async function createCase(
  options: UseCaseContext & { actor: Actor; kind: CaseKind; reference: { prefix: string; year: number }; data: object; columns: CaseColumns },
) {
  const { db, clock, actor, kind, data, columns } = options;
  if (actor.role !== 'applicant' || !actor.organisationId) throw new AppError('forbidden', t('errors.403.detail'));
  const organisationId = actor.organisationId;
  const now = clock.now();
  const initial = kind.initial(organisationId);
  return db.$transaction(async (tx) => {
    const reference = await nextReference(tx, options.reference.prefix, options.reference.year);
    const row = await tx.case.create({
      data: {
        kind: kind.kind,
        reference,
        organisationId,
        state: initial.value,
        machineVersion: kind.machineVersion,
        context: JSON.stringify(initial.context),
        data: JSON.stringify(data),
        ...columns,
        createdById: actor.id,
      },
    });
    await moveCaseCount(tx, null, countKeyOf(row));
    await recordAudit(tx, { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'CREATE', toState: initial.value }, now);
    return row;
  });
}
