import { z } from 'zod';
import { latestOf, type CaseDetails } from '../case-details';
import type { CaseRow } from '../case-kind';
import { toApiMoney } from '../money';
import { caseSummary, casePartsResponse, presentCaseParts, presentCaseSummaryParts } from '../case-presenter';
import { applicationDataOf, totalsOf } from './data';
import type { ApplicationContext } from '../../workflow/application-machine';
import type { Actor } from '../../auth/policy';

const money = z.string().meta({ example: '10500.00' });

export { attachmentResponse, commentResponse } from '../case-presenter';

export const applicationResponse = casePartsResponse
  .extend({
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
    roundId: z.string().nullable().meta({ description: 'The funding round: chosen in the draft, or the open round assigned at submission' }),
    late: z.boolean().meta({ description: 'Submitted after the round deadline, under a round that flags late applications' }),
    totals: z.object({ totalCost: money, requestedAmount: money, fundingGap: money }),
    recommendation: z.object({ recommendation: z.enum(['approve', 'reject']), amount: money.nullable(), rationale: z.string() }).nullable(),
    decision: z
      .object({ outcome: z.enum(['approved', 'rejected']), amount: money.nullable(), conditions: z.string().nullable(), rationale: z.string().nullable(), decidedAt: z.string() })
      .nullable(),
  })
  .meta({ id: 'Application' });

export const applicationSummaryResponse = caseSummary.meta({ id: 'ApplicationSummary' });

export function presentApplication(row: CaseRow, details: CaseDetails, allowedEvents: string[], actor: Actor): z.infer<typeof applicationResponse> {
  const data = applicationDataOf(row);
  const totals = totalsOf(data);
  const context = JSON.parse(row.context) as ApplicationContext;
  const decisionEvent = row.state === 'approved' ? latestOf(details.history, 'APPROVE') : row.state === 'rejected' ? latestOf(details.history, 'REJECT') : undefined;
  return {
    ...presentCaseParts(row, details, allowedEvents),
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
    roundId: row.roundId,
    late: row.late,
    totals: {
      totalCost: toApiMoney(totals.totalCostCents),
      requestedAmount: toApiMoney(totals.requestedCents),
      fundingGap: toApiMoney(totals.fundingGapCents),
    },
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
  };
}

export const presentApplicationSummary = presentCaseSummaryParts;
