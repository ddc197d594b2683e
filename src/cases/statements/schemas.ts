import { z } from 'zod';
import { optionalText, text } from '../../http/fields';
import { STATEMENT_POSITIONS } from '../../workflow/statement-machine';
import { isoDate, money } from '../applications/schemas';

export const statementAttachmentKinds = ['third_party_application', 'concept', 'other'] as const;

/** A request for a statement may be saved incomplete; what is given must be valid. */
export const statementDraftInput = z
  .object({
    title: optionalText(200),
    funder: optionalText(200),
    funderProgramme: optionalText(200),
    summary: optionalText(5000),
    district: optionalText(100),
    totalCost: money().optional(),
    requestedFromFunder: money().optional(),
    municipalContribution: money().optional(),
    funderDeadline: isoDate().optional(),
    periodStart: isoDate().optional(),
    periodEnd: isoDate().optional(),
  })
  .strict()
  .meta({ id: 'StatementRequestInput' });
export type StatementDraftInput = z.output<typeof statementDraftInput>;

export interface StatementData {
  title?: string;
  funder?: string;
  funderProgramme?: string;
  summary?: string;
  districtId?: string;
  totalCostCents?: number;
  requestedFromFunderCents?: number;
  municipalContributionCents?: number;
  funderDeadline?: string;
  periodStart?: string;
  periodEnd?: string;
}

// A draft from the editor covers every part DOMAIN.md requires of a statement; the co-financing
// remark is optional, as the letter states the requested contribution itself. A draft without
// sections (the API's minimal {position, text}) refers every part to the reasons.
const section = () => text(10_000);

export const statementEventSchemas = {
  SUBMIT: z.object({}).strict(),
  START_REVIEW: z.object({}).strict(),
  RESUBMIT: z.object({}).strict(),
  ISSUE: z.object({}).strict(),
  REQUEST_CHANGES: z.object({ message: text(10_000), dueDate: isoDate() }),
  DRAFT_STATEMENT: z.object({
    position: z.enum(STATEMENT_POSITIONS),
    text: text(20_000),
    sections: z.object({ need: section(), planning: section(), offers: section(), cooperation: section(), cofinancing: optionalText(10_000) }).optional(),
  }),
  RETURN_TO_REVIEW: z.object({ message: text(10_000) }),
  WITHDRAW: z.object({ reason: optionalText(2000) }),
} as const;
