import { t } from '../../i18n/t';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/client';
import type { CaseKind, CaseRow } from '../case-kind';
import { latestOf } from '../case-details';
import { loadCaseView } from '../case-view';
import { formatEuro, toGermanInput } from '../money';
import type { ApplicationContext } from '../../workflow/application-machine';
import { applicationDataOf, totalsOf } from './data';
import { missingParts } from './completeness';
import { applicationSteps, nextAction } from './progress';
import { applicationAttachmentKinds, costCategories, financingTypes } from './schemas';

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
    attachmentKindItems: applicationAttachmentKinds.map((k) => ({ value: k, text: t(`labels.attachmentKinds.${k}`) })),
    districtName: new Map(districts.map((d) => [d.id, `${d.name} (Planungsraum ${d.planningArea})`])),
    fieldName: new Map(fields.map((f) => [f.id, f.name])),
  };
}

/** Everything the case page shows, for any role; the template decides nothing about rules. */
export async function applicationPageModel(db: Db, kind: CaseKind, actor: Actor, row: CaseRow, requiredAttachments: string[]) {
  const [{ details, allowedEvents }, lists] = await Promise.all([loadCaseView(db, kind, actor, row), referenceLists(db)]);
  const data = applicationDataOf(row);
  const totals = totalsOf(data);
  const context = JSON.parse(row.context) as ApplicationContext;
  const editable = actor.role === 'applicant' && ['draft', 'changes_requested'].includes(row.state);
  const changeRequest = row.state === 'changes_requested' ? latestOf(details.history, 'REQUEST_CHANGES') : undefined;
  const returned = row.state === 'in_review' && actor.role !== 'applicant' ? latestOf(details.history, 'RETURN_TO_REVIEW') : undefined;
  const decisionEvent = latestOf(details.history, row.state === 'rejected' ? 'REJECT' : 'APPROVE');
  const reviewer = row.reviewerId ? await db.user.findUnique({ where: { id: row.reviewerId }, select: { name: true } }) : null;
  return {
    row,
    data,
    organisation: details.organisation,
    districtName: data.districtId ? lists.districtName.get(data.districtId) : undefined,
    fieldName: data.fieldOfActionId ? lists.fieldName.get(data.fieldOfActionId) : undefined,
    financingLabel: data.financingType ? t(`labels.financingTypes.${data.financingType}`) : undefined,
    costRows: (data.costItems ?? []).map((i) => ({ category: t(`labels.costCategories.${i.category}`), description: i.description, amount: formatEuro(i.amountCents) })),
    totals: {
      totalCost: formatEuro(totals.totalCostCents),
      ownFunds: formatEuro(data.ownFundsCents ?? 0),
      thirdPartyFunds: formatEuro(data.thirdPartyFundsCents ?? 0),
      fundingGap: formatEuro(totals.fundingGapCents),
      requested: formatEuro(totals.requestedCents),
    },
    stateLabel: t(`labels.states.${row.state}`),
    steps: applicationSteps(row.state),
    next: nextAction(row.state, row.dueDate),
    allowedEvents,
    can: Object.fromEntries(allowedEvents.map((e) => [e, true])),
    editable,
    missing: editable ? missingParts(data, details.attachments.map((a) => a.kind), requiredAttachments) : [],
    attachments: details.attachments.map((a) => ({ ...a, kindLabel: t(`labels.attachmentKinds.${a.kind}`) })),
    attachmentKindItems: lists.attachmentKindItems,
    comments: details.comments,
    notices: details.notices.map((n) => ({ ...n, label: t(`labels.noticeKinds.${n.kind}`) })),
    history: details.history.map((h) => ({
      ...h,
      label: t(`labels.events.${h.event}`),
      fromLabel: h.from ? t(`labels.states.${h.from}`) : null,
      toLabel: h.to ? t(`labels.states.${h.to}`) : null,
    })),
    changeRequest: changeRequest ? { message: String(changeRequest.payload.message), dueDate: String(changeRequest.payload.dueDate) } : null,
    returned: returned ? { message: String(returned.payload.message), by: returned.actorName } : null,
    // The Votum is internal advice to the head; the provider sees only the decision.
    recommendation: context.recommendation && actor.role !== 'applicant'
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
    reviewerName: reviewer?.name ?? null,
  };
}
