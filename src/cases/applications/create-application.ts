import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import { recordAudit } from '../../db/audit';
import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import type { CaseKind } from '../case-kind';
import { nextReference } from '../references';
import { totalsOf } from './data';
import { toApplicationData } from './to-data';
import type { ApplicationDraftInput } from './schemas';

/**
 * A member of a freier Träger starts a draft. FRL Soziales has one round a year for the
 * following year, so the reference carries next year's number.
 */
export async function createApplication(options: UseCaseContext & { actor: Actor; kind: CaseKind; input: ApplicationDraftInput }) {
  const { db, clock, actor, kind, input } = options;
  if (actor.role !== 'applicant' || !actor.organisationId) throw new AppError('forbidden', t('errors.403.detail'));
  const organisationId = actor.organisationId;
  const data = await toApplicationData(db, input);
  const totals = totalsOf(data);
  const now = clock.now();
  const initial = kind.initial(organisationId);
  return db.$transaction(async (tx) => {
    const reference = await nextReference(tx, 'FRL', now.getUTCFullYear() + 1);
    const row = await tx.case.create({
      data: {
        kind: 'application',
        reference,
        organisationId,
        state: initial.value,
        machineVersion: kind.machineVersion,
        context: JSON.stringify(initial.context),
        title: data.title ?? '',
        districtId: data.districtId ?? null,
        data: JSON.stringify(data),
        totalCostCents: totals.totalCostCents,
        requestedCents: totals.requestedCents,
        createdById: actor.id,
      },
    });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'CREATE', toState: initial.value }, now);
    return row;
  });
}
