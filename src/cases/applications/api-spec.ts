import { parse } from '../../http/validate';
import type { CaseApiSpec } from '../case-api-router';
import type { CaseKind } from '../case-kind';
import { applicationDraftInput, applicationAttachmentKinds } from './schemas';
import { applicationResponse, applicationSummaryResponse, presentApplication, presentApplicationSummary } from './presenters';
import { createApplication } from './create-application';
import { updateApplication } from './update-application';

export function applicationApiSpec(kind: CaseKind): CaseApiSpec {
  return {
    path: 'applications',
    kind,
    attachmentKinds: applicationAttachmentKinds,
    inputSchema: applicationDraftInput,
    responseSchema: applicationResponse,
    summarySchema: applicationSummaryResponse,
    create: (services, actor, input) =>
      createApplication({ db: services.db, clock: services.clock, actor, kind, input: parse(applicationDraftInput, input) }),
    update: (services, actor, caseId, input, ifMatch) =>
      updateApplication({ db: services.db, clock: services.clock, actor, caseId, input: parse(applicationDraftInput, input), ifMatch }),
    present: presentApplication,
    presentSummary: presentApplicationSummary,
  };
}
