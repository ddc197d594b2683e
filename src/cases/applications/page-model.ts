import { t } from '../../i18n/t';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/client';
import type { CaseKind, CaseRow } from '../case-kind';
import { latestOf } from '../case-details';
import { casePageBase } from '../case-page-model';
import { formatEuro, toGermanInput } from '../money';
import type { ApplicationContext } from '../../workflow/application-machine';
import { applicationDataOf, totalsOf } from './data';
import { missingParts } from './completeness';
import { applicationSteps, nextAction } from './progress';
import { applicationAttachmentKinds, costCategories, financingTypes } from './schemas';
import { casePlanning } from '../../planning/case-planning';

export async function referenceLists(db: Db) {
  const [districts, fields] = await Promise.all([
    db.district.findMany({ where: { active: true }, orderBy: [{ planningArea: 'asc' }, { name: 'asc' }] }),
    db.fieldOfAction.findMany({ where: { active: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    districtItems: districts.map((d) => ({ value: d.id, text: `${d.name} (Planungsraum ${d.planningArea})` })),
    fieldItems: fields.map((f) => ({ value: f.id, text: f.name })),
    categoryItems: costCategories.map((c) => ({ value: c, text: t(`labels.costCategories.${c}`) })),
    financingItems: financingTypes.map((f) => ({ value: f, text: t(`labels.financingTypes.${f}`) })),
  };
}

/** The names of the case's own district and field of action: the page shows these two, not the lists. */
async function referenceNames(db: Db, data: { districtId?: string | null; fieldOfActionId?: string | null }) {
  const [district, field] = await Promise.all([
    data.districtId ? db.district.findUnique({ where: { id: data.districtId } }) : null,
    data.fieldOfActionId ? db.fieldOfAction.findUnique({ where: { id: data.fieldOfActionId } }) : null,
  ]);
  return {
    districtName: district ? `${district.name} (Planungsraum ${district.planningArea})` : undefined,
    fieldName: field?.name,
  };
}

/** Everything the application page shows, for any role; the template decides nothing about rules. */
export async function applicationPageModel(db: Db, kind: CaseKind, actor: Actor, row: CaseRow, requiredAttachments: string[]) {
  const data = applicationDataOf(row);
  const [base, names, planning] = await Promise.all([
    casePageBase(db, kind, actor, row, applicationAttachmentKinds),
    referenceNames(db, data),
    casePlanning(db, actor, row),
  ]);
  const totals = totalsOf(data);
  const context = JSON.parse(row.context) as ApplicationContext;
  const decisionEvent = latestOf(base.details.history, row.state === 'rejected' ? 'REJECT' : 'APPROVE');
  return {
    ...base,
    basePath: '/antraege',
    data,
    ...names,
    planning,
    financingLabel: data.financingType ? t(`labels.financingTypes.${data.financingType}`) : undefined,
    costRows: (data.costItems ?? []).map((i) => ({ category: t(`labels.costCategories.${i.category}`), description: i.description, amount: formatEuro(i.amountCents) })),
    totals: {
      totalCost: formatEuro(totals.totalCostCents),
      ownFunds: formatEuro(data.ownFundsCents ?? 0),
      thirdPartyFunds: formatEuro(data.thirdPartyFundsCents ?? 0),
      fundingGap: formatEuro(totals.fundingGapCents),
      requested: formatEuro(totals.requestedCents),
    },
    steps: applicationSteps(row.state),
    next: nextAction(row.state, row.dueDate),
    missing: base.editable ? missingParts(data, base.details.attachments.map((a) => a.kind), requiredAttachments) : [],
    // The Votum is internal advice to the head; the provider sees only the decision.
    recommendation:
      context.recommendation && actor.role !== 'applicant'
        ? {
            approve: context.recommendation.recommendation === 'approve',
            amount: context.recommendation.amountCents === null ? null : formatEuro(context.recommendation.amountCents),
            amountInput: context.recommendation.amountCents === null ? '' : toGermanInput(context.recommendation.amountCents),
            rationale: context.recommendation.rationale,
          }
        : null,
    decision:
      (row.state === 'approved' || row.state === 'rejected') && decisionEvent
        ? {
            approved: row.state === 'approved',
            amount: row.approvedCents === null ? null : formatEuro(row.approvedCents),
            partial: row.state === 'approved' && (row.approvedCents ?? 0) < row.requestedCents,
            rationale: (decisionEvent.payload.rationale as string | undefined) ?? null,
            conditions: (decisionEvent.payload.conditions as string | undefined) ?? null,
            at: decisionEvent.at,
            by: decisionEvent.actorName,
          }
        : null,
  };
}
