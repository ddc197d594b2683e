import { AppError } from '../../http/errors';
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
import type { Actor } from '../../auth/policy';
import type { CaseKind, CaseRow } from '../case-kind';
import { formatEuro } from '../money';
import { todayInBerlin } from '../../clock';
import { applicationDataOf, totalsOf } from './data';
import { missingParts } from './completeness';
import { eventSchemas } from './schemas';

const applicantEvents = ['SUBMIT', 'RESUBMIT', 'WITHDRAW'];
const reviewerEvents = ['REQUEST_CHANGES', 'RECOMMEND'];
const deciderEvents = ['RETURN_TO_REVIEW', 'APPROVE', 'REJECT'];

/** Who may attempt an event at all; whether the workflow allows it now is the machine's answer. */
export function mayAttemptApplicationEvent(actor: Actor, type: string, row: { organisationId: string; reviewerId: string | null }): boolean {
  if (applicantEvents.includes(type)) return actor.role === 'applicant' && actor.organisationId === row.organisationId;
  if (type === 'START_REVIEW') return actor.role === 'coordinator';
  if (reviewerEvents.includes(type)) return actor.role === 'coordinator' && actor.id === row.reviewerId;
  // Four-eyes: the head who decides is never the person who reviewed.
  if (deciderEvents.includes(type)) return actor.role === 'head' && actor.id !== row.reviewerId;
  return false;
}

function invalid(path: string, message: string): AppError {
  return new AppError('invalid', t('errors.422.detail'), { errors: [{ path, message }] });
}

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
        if (amount <= 0) throw invalid('amount', t('cases.money'));
        if (amount > requested) throw invalid('amount', t('cases.amountTooHigh', { requested: formatEuro(requested) }));
      }
      if (type === 'RECOMMEND' && payload.recommendation === 'approve' && amount === undefined) {
        throw invalid('amount', t('cases.money'));
      }
      if (type === 'APPROVE' && amount !== undefined && amount < requested && !payload.rationale) {
        throw invalid('rationale', t('cases.partialNeedsRationale'));
      }
      if (type === 'REQUEST_CHANGES' && (payload.dueDate as string) <= todayInBerlin(now)) {
        throw invalid('dueDate', t('cases.dateInPast'));
      }
      return payload;
    },

    async checkSubmission(tx, row) {
      const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: row.organisationId } });
      if (organisation.status !== 'approved') throw new AppError('forbidden', t('cases.organisationNotApproved'));
      const data = applicationDataOf(row);
      const kinds = await tx.attachment.findMany({ where: { caseId: row.id }, select: { kind: true }, distinct: ['kind'] });
      const missing = missingParts(
        data,
        kinds.map((k) => k.kind),
        options.requiredAttachments,
      );
      const totals = totalsOf(data);
      return { missing, facts: { missing: missing.map((m) => m.path), fundingGapCents: totals.fundingGapCents, requestedCents: totals.requestedCents } };
    },

    columnsFor(type, payload, { actor, now, row }: { actor: Actor; now: Date; row: CaseRow }) {
      switch (type) {
        case 'SUBMIT':
          return { submittedAt: row.submittedAt ?? now, dueDate: null };
        case 'START_REVIEW':
          return { reviewerId: actor.id };
        case 'REQUEST_CHANGES':
          return { dueDate: payload.dueDate as string };
        case 'RESUBMIT':
        case 'WITHDRAW':
          return { dueDate: null };
        case 'RECOMMEND':
          return { recommendedCents: payload.recommendation === 'approve' ? (payload.amount as number) : 0 };
        case 'RETURN_TO_REVIEW':
          return { recommendedCents: null };
        case 'APPROVE':
          return { approvedCents: payload.amount as number, decidedById: actor.id, decidedAt: now };
        case 'REJECT':
          return { approvedCents: 0, decidedById: actor.id, decidedAt: now };
        default:
          return {};
      }
    },
  };
}
