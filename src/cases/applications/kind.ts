import { parse } from '../../http/validate';
import { t } from '../../i18n/t';
import {
  APPLICATION_EVENT_TYPES,
  APPLICATION_MACHINE_VERSION,
  allowedEvents,
  decide,
  initialApplicationSnapshot,
  migrateApplicationSnapshot,
  type ApplicationEvent,
  type PersistedApplication,
} from '../../workflow/application-machine';
import { reviewPolicy } from '../review-policy';
import type { CaseKind } from '../case-kind';
import { formatEuro } from '../money';
import { checkDueDateInFuture, invalidField } from '../event-checks';
import { reviewColumns, submissionPrerequisites } from '../review-columns';
import { applicationDataOf, totalsOf } from './data';
import { missingParts } from './completeness';
import { eventSchemas } from './schemas';
import { assignRound } from '../../planning/assign-round';
import { commitToBudget } from '../../planning/commit-budget';
import { assertCommitteeCovers } from '../../planning/committee-gate';

export const mayAttemptApplicationEvent = reviewPolicy({
  applicant: ['SUBMIT', 'RESUBMIT', 'WITHDRAW'],
  coordinator: ['START_REVIEW'],
  reviewer: ['REQUEST_CHANGES', 'RECOMMEND'],
  decider: ['RETURN_TO_REVIEW', 'APPROVE', 'REJECT'],
});

export function applicationKind(options: { requiredAttachments: string[] }): CaseKind {
  return {
    kind: 'application',
    machineVersion: APPLICATION_MACHINE_VERSION,
    eventTypes: APPLICATION_EVENT_TYPES,
    submissionEvents: ['SUBMIT', 'RESUBMIT'],
    initial: (organisationId) => initialApplicationSnapshot(organisationId),
    migrate: (persisted, fromVersion) => migrateApplicationSnapshot(persisted as PersistedApplication, fromVersion),
    decide: (persisted, event) => decide(persisted as PersistedApplication, event as unknown as ApplicationEvent),
    allowedEvents: (persisted, actor) => allowedEvents(persisted as PersistedApplication, actor),
    mayAttempt: mayAttemptApplicationEvent,

    parseEvent(type, body, { row, now }) {
      const schema = eventSchemas[type as keyof typeof eventSchemas];
      const payload = parse(schema, body ?? {}) as Record<string, unknown>;
      const requested = row.requestedCents;
      const amount = payload.amount as number | undefined;
      if ((type === 'APPROVE' || (type === 'RECOMMEND' && payload.recommendation === 'approve')) && amount !== undefined) {
        if (amount <= 0) throw invalidField('amount', t('cases.money'));
        if (amount > requested) throw invalidField('amount', t('cases.amountTooHigh', { requested: formatEuro(requested) }));
      }
      if (type === 'RECOMMEND' && payload.recommendation === 'approve' && amount === undefined) {
        throw invalidField('amount', t('cases.money'));
      }
      if (type === 'APPROVE' && amount !== undefined && amount < requested && !payload.rationale) {
        throw invalidField('rationale', t('cases.partialNeedsRationale'));
      }
      checkDueDateInFuture(type, payload, now);
      return payload;
    },

    async checkSubmission(tx, row) {
      const data = applicationDataOf(row);
      const missing = missingParts(data, await submissionPrerequisites(tx, row), options.requiredAttachments);
      const totals = totalsOf(data);
      return { missing, facts: { missing: missing.map((m) => m.path), fundingGapCents: totals.fundingGapCents, requestedCents: totals.requestedCents } };
    },

    // A submission joins its round (late ones refused or flagged); an approval passes the
    // committee gate and commits its amount against the round's budget, all or nothing.
    async inTransaction(tx, type, payload, { row, now }) {
      if (type === 'SUBMIT') return assignRound(tx, row, now);
      if (type === 'APPROVE' && row.roundId) {
        const amount = payload.amount as number;
        await assertCommitteeCovers(tx, row, amount);
        await commitToBudget(tx, row.roundId, amount, now);
      }
      return {};
    },

    columnsFor(type, payload, ctx) {
      switch (type) {
        case 'RECOMMEND':
          return { recommendedCents: payload.recommendation === 'approve' ? (payload.amount as number) : 0 };
        case 'RETURN_TO_REVIEW':
          return { recommendedCents: null };
        case 'APPROVE':
          return { approvedCents: payload.amount as number, decidedById: ctx.actor.id, decidedAt: ctx.now };
        case 'REJECT':
          return { approvedCents: 0, decidedById: ctx.actor.id, decidedAt: ctx.now };
        default:
          return reviewColumns(type, payload, ctx);
      }
    },
  };
}
