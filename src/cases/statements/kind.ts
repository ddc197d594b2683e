import { parse } from '../../http/validate';
import {
  STATEMENT_EVENT_TYPES,
  STATEMENT_MACHINE_VERSION,
  allowedStatementEvents,
  decideStatement,
  initialStatementSnapshot,
  migrateStatementSnapshot,
  type PersistedStatement,
  type StatementEvent,
} from '../../workflow/statement-machine';
import type { CaseKind } from '../case-kind';
import { reviewPolicy } from '../review-policy';
import { checkDueDateInFuture } from '../event-checks';
import { reviewColumns, submissionPrerequisites } from '../review-columns';
import { statementDataOf } from './data';
import { missingStatementParts } from './completeness';
import { statementEventSchemas } from './schemas';

export const mayAttemptStatementEvent = reviewPolicy({
  applicant: ['SUBMIT', 'RESUBMIT', 'WITHDRAW'],
  coordinator: ['START_REVIEW'],
  reviewer: ['REQUEST_CHANGES', 'DRAFT_STATEMENT'],
  decider: ['RETURN_TO_REVIEW', 'ISSUE'],
});

/** Statements on third-party funding applications, on the same engine as applications. */
export function statementKind(): CaseKind {
  return {
    kind: 'statement',
    machineVersion: STATEMENT_MACHINE_VERSION,
    eventTypes: STATEMENT_EVENT_TYPES,
    submissionEvents: ['SUBMIT', 'RESUBMIT'],
    initial: (organisationId) => initialStatementSnapshot(organisationId),
    migrate: (persisted, fromVersion) => migrateStatementSnapshot(persisted as PersistedStatement, fromVersion),
    decide: (persisted, event) => decideStatement(persisted as PersistedStatement, event as unknown as StatementEvent),
    allowedEvents: (persisted, actor) => allowedStatementEvents(persisted as PersistedStatement, actor),
    mayAttempt: mayAttemptStatementEvent,

    parseEvent(type, body, { now }) {
      const schema = statementEventSchemas[type as keyof typeof statementEventSchemas];
      const payload = parse(schema, body ?? {}) as Record<string, unknown>;
      checkDueDateInFuture(type, payload, now);
      return payload;
    },

    async checkSubmission(tx, row) {
      const missing = missingStatementParts(statementDataOf(row), await submissionPrerequisites(tx, row));
      return { missing, facts: { missing: missing.map((m) => m.path) } };
    },

    columnsFor(type, payload, ctx) {
      return type === 'ISSUE' ? { decidedById: ctx.actor.id, decidedAt: ctx.now } : reviewColumns(type, payload, ctx);
    },
  };
}
