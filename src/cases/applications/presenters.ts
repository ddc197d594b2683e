import { z } from 'zod';
import { latestOf, type CaseDetails } from '../case-details';
import type { CaseRow } from '../case-kind';
import { toApiMoney } from '../money';
import { applicationDataOf, totalsOf } from './data';
import type { ApplicationContext } from '../../workflow/application-machine';
import type { Actor } from '../../auth/policy';

const money = z.string().meta({ example: '10500.00' });

export const attachmentResponse = z
  .object({ id: z.string(), kind: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: z.string() })
  .meta({ id: 'Attachment' });

export const commentResponse = z
  .object({ id: z.string(), body: z.string(), visibility: z.enum(['internal', 'shared']), author: z.object({ name: z.string(), role: z.string() }), createdAt: z.string() })
  .meta({ id: 'Comment' });

export const applicationResponse = z
  .object({
    id: z.string(),
    reference: z.string(),
    state: z.string(),
    version: z.number().int(),
    allowedEvents: z.array(z.string()),
    organisation: z.object({ id: z.string(), name: z.string() }),
    title: z.string().nullable(),
    summary: z.string().nullable(),
    district: z.string().nullable(),
    fieldOfAction: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    financingType: z.string().nullable(),
    costItems: z.array(z.object({ category: z.string(), description: z.string(), amount: money })),
    ownFunds: money,
    thirdPartyFunds: money,
    requestedAmount: money,
    subGoals: z.array(z.string()),
    projectElements: z.array(z.string()),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    totals: z.object({ totalCost: money, requestedAmount: money, fundingGap: money }),
    changeRequest: z.object({ message: z.string(), dueDate: z.string() }).nullable(),
    recommendation: z.object({ recommendation: z.enum(['approve', 'reject']), amount: money.nullable(), rationale: z.string() }).nullable(),
    decision: z
      .object({ outcome: z.enum(['approved', 'rejected']), amount: money.nullable(), conditions: z.string().nullable(), rationale: z.string().nullable(), decidedAt: z.string() })
      .nullable(),
    attachments: z.array(attachmentResponse),
    comments: z.array(commentResponse),
    notices: z.array(z.object({ id: z.string(), kind: z.string(), sha256: z.string(), createdAt: z.string() })),
    history: z.array(z.object({ at: z.string(), actor: z.string(), event: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
    submittedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Application' });

export const applicationSummaryResponse = z
  .object({
    id: z.string(),
    reference: z.string(),
    state: z.string(),
    version: z.number().int(),
    title: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    requestedAmount: money,
    dueDate: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ApplicationSummary' });

/** The recommendation (Votum) is the administration's internal advice: providers never see it. */
export function presentApplication(row: CaseRow, details: CaseDetails, allowedEvents: string[], actor: Actor): z.infer<typeof applicationResponse> {
  const data = applicationDataOf(row);
  const totals = totalsOf(data);
  const context = JSON.parse(row.context) as ApplicationContext;
  const changeRequest = row.state === 'changes_requested' ? latestOf(details.history, 'REQUEST_CHANGES') : undefined;
  const decisionEvent = row.state === 'approved' ? latestOf(details.history, 'APPROVE') : row.state === 'rejected' ? latestOf(details.history, 'REJECT') : undefined;
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    version: row.version,
    allowedEvents,
    organisation: { id: details.organisation.id, name: details.organisation.name },
    title: data.title ?? null,
    summary: data.summary ?? null,
    district: data.districtId ?? null,
    fieldOfAction: data.fieldOfActionId ?? null,
    periodStart: data.periodStart ?? null,
    periodEnd: data.periodEnd ?? null,
    financingType: data.financingType ?? null,
    costItems: (data.costItems ?? []).map((i) => ({ category: i.category, description: i.description, amount: toApiMoney(i.amountCents) })),
    ownFunds: toApiMoney(data.ownFundsCents ?? 0),
    thirdPartyFunds: toApiMoney(data.thirdPartyFundsCents ?? 0),
    requestedAmount: toApiMoney(totals.requestedCents),
    subGoals: data.subGoals ?? [],
    projectElements: data.projectElements ?? [],
    contactName: data.contactName ?? null,
    contactEmail: data.contactEmail ?? null,
    contactPhone: data.contactPhone ?? null,
    totals: {
      totalCost: toApiMoney(totals.totalCostCents),
      requestedAmount: toApiMoney(totals.requestedCents),
      fundingGap: toApiMoney(totals.fundingGapCents),
    },
    changeRequest: changeRequest
      ? { message: String(changeRequest.payload.message), dueDate: String(changeRequest.payload.dueDate) }
      : null,
    recommendation: context.recommendation && actor.role !== 'applicant'
      ? {
          recommendation: context.recommendation.recommendation,
          amount: context.recommendation.amountCents === null ? null : toApiMoney(context.recommendation.amountCents),
          rationale: context.recommendation.rationale,
        }
      : null,
    decision: decisionEvent
      ? {
          outcome: row.state === 'approved' ? 'approved' : 'rejected',
          amount: row.approvedCents === null ? null : toApiMoney(row.approvedCents),
          conditions: (decisionEvent.payload.conditions as string | undefined) ?? null,
          rationale: (decisionEvent.payload.rationale as string | undefined) ?? null,
          decidedAt: decisionEvent.at.toISOString(),
        }
      : null,
    attachments: details.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      fileName: a.fileName,
      mediaType: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      createdAt: a.createdAt.toISOString(),
    })),
    comments: details.comments.map((c) => ({
      id: c.id,
      body: c.body,
      visibility: c.visibility as 'internal' | 'shared',
      author: { name: c.author.name, role: c.author.role },
      createdAt: c.createdAt.toISOString(),
    })),
    notices: details.notices.map((n) => ({ id: n.id, kind: n.kind, sha256: n.sha256, createdAt: n.createdAt.toISOString() })),
    history: details.history.map((h) => ({ at: h.at.toISOString(), actor: h.actorName, event: h.event, from: h.from, to: h.to })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentApplicationSummary(row: CaseRow & { organisation: { id: string; name: string } }) {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    version: row.version,
    title: row.title,
    organisation: { id: row.organisation.id, name: row.organisation.name },
    requestedAmount: toApiMoney(row.requestedCents),
    dueDate: row.dueDate,
    updatedAt: row.updatedAt.toISOString(),
  };
}
