import { z } from 'zod';
import type { Actor } from '../../auth/policy';
import { latestOf, type CaseDetails } from '../case-details';
import type { CaseRow } from '../case-kind';
import { toApiMoney } from '../money';
import { caseSummary, casePartsResponse, presentCaseParts, presentCaseSummaryParts } from '../case-presenter';
import { statementDataOf } from './data';

const money = z.string().meta({ example: '10500.00' });

export const statementResponse = casePartsResponse
  .extend({
    title: z.string().nullable(),
    funder: z.string().nullable(),
    funderProgramme: z.string().nullable(),
    summary: z.string().nullable(),
    district: z.string().nullable(),
    totalCost: money.nullable(),
    requestedFromFunder: money.nullable(),
    municipalContribution: money.nullable(),
    funderDeadline: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    statement: z
      .object({ position: z.enum(['supportive', 'conditional', 'not_supportive']), text: z.string(), sections: z.record(z.string(), z.string()).nullable() })
      .nullable(),
  })
  .meta({ id: 'StatementRequest' });

export const statementSummaryResponse = caseSummary.extend({ funderDeadline: z.string().nullable() }).meta({ id: 'StatementRequestSummary' });

const money0 = (cents: number | undefined) => (cents === undefined ? null : toApiMoney(cents));

export function presentStatement(row: CaseRow, details: CaseDetails, allowedEvents: string[], actor: Actor): z.infer<typeof statementResponse> {
  const data = statementDataOf(row);
  // The draft is the administration's until it is signed; the provider sees the issued letter.
  const draft = (row.state === 'issued' || actor.role !== 'applicant') && row.state !== 'in_review' ? latestOf(details.history, 'DRAFT_STATEMENT') : undefined;
  return {
    ...presentCaseParts(row, details, allowedEvents),
    title: data.title ?? null,
    funder: data.funder ?? null,
    funderProgramme: data.funderProgramme ?? null,
    summary: data.summary ?? null,
    district: data.districtId ?? null,
    totalCost: money0(data.totalCostCents),
    requestedFromFunder: money0(data.requestedFromFunderCents),
    municipalContribution: money0(data.municipalContributionCents),
    funderDeadline: data.funderDeadline ?? null,
    periodStart: data.periodStart ?? null,
    periodEnd: data.periodEnd ?? null,
    statement:
      draft && ['awaiting_approval', 'issued'].includes(row.state)
        ? {
            position: draft.payload.position as 'supportive' | 'conditional' | 'not_supportive',
            text: String(draft.payload.text),
            sections: (draft.payload.sections as Record<string, string> | undefined) ?? null,
          }
        : null,
  };
}

export function presentStatementSummary(row: CaseRow & { organisation: { id: string; name: string } }) {
  return { ...presentCaseSummaryParts(row), funderDeadline: row.deadline };
}
