/**
 * Workflow core for FRL Soziales funding applications (Zuwendungsanträge).
 *
 * Pure: no I/O, no clock, no imports outside xstate. The engine loads a case, restores the
 * persisted `{value, context}` with `restore`, asks `decide` for the next state and the side
 * effects to enqueue, and persists `next` together with `APPLICATION_MACHINE_VERSION`.
 *
 * Facts that live outside the machine (completeness of the stored case, funding gap) travel in
 * the SUBMIT / RESUBMIT events as `facts`, computed by the caller from the stored case.
 * Money is integer cents everywhere (event `amount` fields included).
 */
import { and, assign, setup } from 'xstate';
import {
  isActor,
  nonEmptyText,
  positiveCents,
  reviewContext,
  reviewGuards,
  reviewPhaseStates,
  enqueue,
  enqueueEffectMarker,
  withdrawTransition,
  workflowKit,
  type Decision as KitDecision,
  type Persisted,
  type ReviewContext,
  type WorkflowActor,
} from './workflow-kit';

export { isIsoDate } from './workflow-kit';

export const APPLICATION_MACHINE_VERSION = 1;

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'awaiting_decision',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const FINAL_APPLICATION_STATES: readonly ApplicationState[] = ['approved', 'rejected', 'withdrawn'];

export const APPLICATION_EVENT_TYPES = [
  'SUBMIT',
  'START_REVIEW',
  'REQUEST_CHANGES',
  'RESUBMIT',
  'RECOMMEND',
  'RETURN_TO_REVIEW',
  'APPROVE',
  'REJECT',
  'WITHDRAW',
] as const;
export type ApplicationEventType = (typeof APPLICATION_EVENT_TYPES)[number];

export type { WorkflowActor, WorkflowRole } from './workflow-kit';

/** Computed by the caller from the stored case at SUBMIT / RESUBMIT time. */
export interface SubmissionFacts {
  /** Names of missing required fields / attachments; must be empty to submit. */
  missing: string[];
  /** sum(costItems) - ownFunds - thirdPartyFunds, in cents. */
  fundingGapCents: number;
  /** requestedAmount in cents. */
  requestedCents: number;
}

export type ApplicationEvent =
  | { type: 'SUBMIT'; actor: WorkflowActor; facts: SubmissionFacts }
  | { type: 'START_REVIEW'; actor: WorkflowActor }
  | { type: 'REQUEST_CHANGES'; actor: WorkflowActor; message: string; dueDate: string }
  | { type: 'RESUBMIT'; actor: WorkflowActor; facts: SubmissionFacts }
  | {
      type: 'RECOMMEND';
      actor: WorkflowActor;
      recommendation: 'approve' | 'reject';
      amount?: number;
      rationale: string;
    }
  | { type: 'RETURN_TO_REVIEW'; actor: WorkflowActor; message: string }
  | { type: 'APPROVE'; actor: WorkflowActor; amount: number; conditions?: string; rationale?: string }
  | { type: 'REJECT'; actor: WorkflowActor; rationale: string }
  | { type: 'WITHDRAW'; actor: WorkflowActor; reason?: string };

export interface ApplicationRecommendation {
  recommendation: 'approve' | 'reject';
  /** Recommended amount in cents; null for a recommendation to reject. */
  amountCents: number | null;
  rationale: string;
  /** The reviewer who recommended. */
  by: string;
}

export interface ApplicationContext extends ReviewContext {
  /** Requested amount in cents, stored at SUBMIT and RESUBMIT; null while never submitted. */
  requestedCents: number | null;
  /** The current recommendation; cleared by RETURN_TO_REVIEW. */
  recommendation: ApplicationRecommendation | null;
}

export interface ApplicationInput {
  organisationId: string;
}

/** JSON-safe persisted form (store beside it `APPLICATION_MACHINE_VERSION`). */
export type PersistedApplication = Persisted<ApplicationState, ApplicationContext>;

/** Side effects the caller enqueues in its outbox in the same database transaction. */
export type ApplicationEffect =
  | 'notice:receipt'
  | 'notice:request_for_changes'
  | 'notice:grant'
  | 'notice:rejection'
  | 'email:coordinators'
  | 'email:organisation';

export type Decision = KitDecision<ApplicationState, ApplicationContext, ApplicationEffect>;

/** Complete, a positive integer request, and requested <= funding gap. */
export function factsAllowSubmission(facts: unknown): facts is SubmissionFacts {
  if (typeof facts !== 'object' || facts === null) return false;
  const f = facts as Record<string, unknown>;
  return (
    Array.isArray(f.missing) &&
    f.missing.length === 0 &&
    typeof f.fundingGapCents === 'number' &&
    Number.isSafeInteger(f.fundingGapCents) &&
    positiveCents(f.requestedCents) &&
    f.requestedCents <= f.fundingGapCents
  );
}

function withinRequested(amount: unknown, context: ApplicationContext): amount is number {
  return positiveCents(amount) && context.requestedCents !== null && amount <= context.requestedCents;
}

// ---------------------------------------------------------------------------------------------
// Machine

const applicationSetup = setup({
  types: {
    context: {} as ApplicationContext,
    events: {} as ApplicationEvent,
    input: {} as ApplicationInput,
  },
  guards: {
    ...reviewGuards,
    submissionFactsOk: ({ event }) =>
      (event.type === 'SUBMIT' || event.type === 'RESUBMIT') && factsAllowSubmission(event.facts),
    recommendationOk: ({ context, event }) =>
      event.type === 'RECOMMEND' &&
      nonEmptyText(event.rationale) &&
      (event.recommendation === 'reject' ||
        (event.recommendation === 'approve' && withinRequested(event.amount, context))),
    /** 0 < amount <= requested; a partial approval needs a rationale. */
    approvalOk: ({ context, event }) =>
      event.type === 'APPROVE' &&
      withinRequested(event.amount, context) &&
      (event.amount === context.requestedCents || nonEmptyText(event.rationale)),
    rejectionOk: ({ event }) => event.type === 'REJECT' && nonEmptyText(event.rationale),
  },
  actions: {
    storeRequested: assign({
      requestedCents: ({ context, event }) =>
        event.type === 'SUBMIT' || event.type === 'RESUBMIT' ? event.facts.requestedCents : context.requestedCents,
    }),
    assignReviewer: assign({
      reviewerId: ({ event }) => event.actor.id,
    }),
    storeRecommendation: assign({
      recommendation: ({ context, event }) =>
        event.type === 'RECOMMEND'
          ? {
              recommendation: event.recommendation,
              amountCents: event.recommendation === 'approve' ? (event.amount ?? null) : null,
              rationale: event.rationale,
              by: event.actor.id,
            }
          : context.recommendation,
    }),
    clearRecommendation: assign({ recommendation: null }),
    enqueueEffect: enqueueEffectMarker,
  },
});

// XState checks a config against the types of its own setup(); the shared review-phase builder
// cannot name them, so its states are cast here and held to the spec by the matrix tests.
type ApplicationStates = NonNullable<Parameters<typeof applicationSetup.createMachine>[0]['states']>;

export const applicationMachine = applicationSetup.createMachine({
  id: 'application',
  initial: 'draft',
  context: ({ input }) => ({ ...reviewContext(input), requestedCents: null, recommendation: null }),
  states: reviewPhaseStates({
    onSubmission: ['storeRequested'],
    submitEffects: ['notice:receipt', 'email:coordinators'],
    inReview: { RECOMMEND: { guard: and(['isReviewer', 'recommendationOk']), target: 'awaiting_decision', actions: 'storeRecommendation' } },
    decision: {
      awaiting_decision: {
        on: {
          RETURN_TO_REVIEW: { guard: and(['isHeadNotReviewer', 'returnOk']), target: 'in_review', actions: 'clearRecommendation' },
          APPROVE: {
            guard: and(['isHeadNotReviewer', 'approvalOk']),
            target: 'approved',
            actions: [enqueue('notice:grant'), enqueue('email:organisation')],
          },
          REJECT: {
            guard: and(['isHeadNotReviewer', 'rejectionOk']),
            target: 'rejected',
            actions: [enqueue('notice:rejection'), enqueue('email:organisation')],
          },
          ...withdrawTransition,
        },
      },
      approved: { type: 'final' },
      rejected: { type: 'final' },
    },
  }) as unknown as ApplicationStates,
});

export type ApplicationSnapshot = ReturnType<typeof applicationMachine.resolveState>;

/**
 * Representative valid events for `actor` in this context, so `allowedEvents` says what is
 * possible in principle (payload validity aside). SUBMIT / RESUBMIT use `facts` when given.
 */
function representativeEvents(context: ApplicationContext, actor: WorkflowActor, facts?: SubmissionFacts): ApplicationEvent[] {
  const requested = context.requestedCents ?? 1;
  const submissionFacts: SubmissionFacts = facts ?? { missing: [], fundingGapCents: requested, requestedCents: requested };
  const text = 'x';
  return [
    { type: 'SUBMIT', actor, facts: submissionFacts },
    { type: 'START_REVIEW', actor },
    { type: 'REQUEST_CHANGES', actor, message: text, dueDate: '2000-01-01' },
    { type: 'RESUBMIT', actor, facts: submissionFacts },
    { type: 'RECOMMEND', actor, recommendation: 'reject', rationale: text },
    { type: 'RETURN_TO_REVIEW', actor, message: text },
    { type: 'APPROVE', actor, amount: requested },
    { type: 'REJECT', actor, rationale: text },
    { type: 'WITHDRAW', actor },
  ];
}

const kit = workflowKit<ApplicationState, ApplicationContext, ApplicationEvent, ApplicationEffect>({
  name: 'application',
  machine: applicationMachine,
  states: APPLICATION_STATES,
  version: APPLICATION_MACHINE_VERSION,
  representativeEvents: (context, actor) => representativeEvents(context, actor),
});

/** The persisted state of a new draft owned by `organisationId`. */
export const initialApplicationSnapshot = (organisationId: string): PersistedApplication => kit.initial(organisationId);

/** A machine snapshot from the persisted `{value, context}`. Throws for an unknown state. */
export const restore = (persisted: PersistedApplication): ApplicationSnapshot => kit.restore(persisted) as ApplicationSnapshot;

export const decide = (persisted: PersistedApplication, event: ApplicationEvent): Decision => kit.decide(persisted, event);

/**
 * Event types `actor` could send now, in the order of APPLICATION_EVENT_TYPES. Payload-dependent
 * guards are evaluated with a representative valid payload; pass `facts` to make SUBMIT /
 * RESUBMIT depend on the real completeness and funding gap.
 */
export function allowedEvents(persisted: PersistedApplication, actor: WorkflowActor, facts?: SubmissionFacts): ApplicationEventType[] {
  return kit.allowedEvents(persisted, actor, isActor(actor) ? representativeEvents(restore(persisted).context, actor, facts) : []);
}

/** Migrate a persisted state written by machine version `fromVersion` to the current version. */
export const migrateApplicationSnapshot = (persisted: PersistedApplication, fromVersion: number): PersistedApplication =>
  kit.migrate(persisted, fromVersion);
