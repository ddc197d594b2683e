import { parse } from '../../http/validate';
import type { CaseApiSpec } from '../case-api-router';
import type { CaseKind } from '../case-kind';
import { statementAttachmentKinds, statementDraftInput } from './schemas';
import { presentStatement, presentStatementSummary, statementResponse, statementSummaryResponse } from './presenters';
import { createStatementRequest } from './create-statement';
import { updateStatementRequest } from './update-statement';

export function statementApiSpec(kind: CaseKind): CaseApiSpec {
  return {
    path: 'statement-requests',
    kind,
    attachmentKinds: statementAttachmentKinds,
    inputSchema: statementDraftInput,
    responseSchema: statementResponse,
    summarySchema: statementSummaryResponse,
    create: (services, actor, input) =>
      createStatementRequest({ db: services.db, clock: services.clock, actor, kind, input: parse(statementDraftInput, input) }),
    update: (services, actor, caseId, input, ifMatch) =>
      updateStatementRequest({ db: services.db, clock: services.clock, actor, caseId, input: parse(statementDraftInput, input), ifMatch }),
    present: presentStatement,
    presentSummary: presentStatementSummary,
  };
}
