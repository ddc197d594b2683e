/**
 * Workflow core for statements on third-party funding applications (Stellungnahmen zu
 * Drittmittelanträgen). The review phase is the applications' (shared guards from the kit);
 * instead of a recommendation and a decision, the reviewer drafts the statement and a head who
 * did not draft it signs and issues it. Pure: imports nothing but xstate and the kit.
 */
import { and, assign, setup } from 'xstate';
import {
  isActor,
  nonEmptyText,
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

export const STATEMENT_MACHINE_VERSION = 1;

export const STATEMENT_STATES = ['draft', 'submitted', 'in_review', 'changes_requested', 'awaiting_approval', 'issued', 'withdrawn'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];

export const STATEMENT_EVENT_TYPES = [
  'SUBMIT',
  'START_REVIEW',
  'REQUEST_CHANGES',
  'RESUBMIT',
  'DRAFT_STATEMENT',
  'RETURN_TO_REVIEW',
  'ISSUE',
  'WITHDRAW',
] as const;
export type StatementEventType = (typeof STATEMENT_EVENT_TYPES)[number];

export const STATEMENT_POSITIONS = ['supportive', 'conditional', 'not_supportive'] as const;
export type StatementPosition = (typeof STATEMENT_POSITIONS)[number];

/** Computed by the caller from the stored request at SUBMIT / RESUBMIT time. */
export interface StatementFacts {
  missing: string[];
}

export type StatementEvent =
  | { type: 'SUBMIT'; actor: WorkflowActor; facts: StatementFacts }
  | { type: 'START_REVIEW'; actor: WorkflowActor }
  | { type: 'REQUEST_CHANGES'; actor: WorkflowActor; message: string; dueDate: string }
  | { type: 'RESUBMIT'; actor: WorkflowActor; facts: StatementFacts }
  | { type: 'DRAFT_STATEMENT'; actor: WorkflowActor; position: StatementPosition; text: string }
  | { type: 'RETURN_TO_REVIEW'; actor: WorkflowActor; message: string }
  | { type: 'ISSUE'; actor: WorkflowActor }
  | { type: 'WITHDRAW'; actor: WorkflowActor; reason?: string };

export interface StatementContext extends ReviewContext {
  /** The drafted position and who drafted it; cleared when the head returns the draft. */
  draft: { position: StatementPosition; by: string } | null;
}

export type PersistedStatement = Persisted<StatementState, StatementContext>;
export type StatementEffect = 'notice:request_for_changes' | 'notice:statement' | 'email:coordinators' | 'email:organisation';
export type StatementDecision = KitDecision<StatementState, StatementContext, StatementEffect>;

function factsComplete(facts: unknown): boolean {
  return typeof facts === 'object' && facts !== null && Array.isArray((facts as StatementFacts).missing) && (facts as StatementFacts).missing.length === 0;
}

const statementSetup = setup({
  types: {
    context: {} as StatementContext,
    events: {} as StatementEvent,
    input: {} as { organisationId: string },
  },
  guards: {
    ...reviewGuards,
    submissionFactsOk: ({ event }) => (event.type === 'SUBMIT' || event.type === 'RESUBMIT') && factsComplete(event.facts),
    draftOk: ({ event }) =>
      event.type === 'DRAFT_STATEMENT' && (STATEMENT_POSITIONS as readonly string[]).includes(event.position) && nonEmptyText(event.text),
    hasDraft: ({ context }) => context.draft !== null,
    /** Four-eyes: the head who signs is neither the reviewer nor the one who drafted. */
    isHeadNotDrafter: ({ context, event }) =>
      isActor(event.actor) && event.actor.role === 'head' && event.actor.id !== context.reviewerId && event.actor.id !== context.draft?.by,
  },
  actions: {
    assignReviewer: assign({ reviewerId: ({ event }) => event.actor.id }),
    storeDraft: assign({
      draft: ({ context, event }) => (event.type === 'DRAFT_STATEMENT' ? { position: event.position, by: event.actor.id } : context.draft),
    }),
    clearDraft: assign({ draft: null }),
    enqueueEffect: enqueueEffectMarker,
  },
});

// XState checks a config against the types of its own setup(); the shared review-phase builder
// cannot name them, so its states are cast here and held to the spec by the matrix tests.
type StatementStates = NonNullable<Parameters<typeof statementSetup.createMachine>[0]['states']>;

export const statementMachine = statementSetup.createMachine({
  id: 'statement',
  initial: 'draft',
  context: ({ input }) => ({ ...reviewContext(input), draft: null }),
  states: reviewPhaseStates({
    onSubmission: [],
    submitEffects: ['email:coordinators'],
    inReview: { DRAFT_STATEMENT: { guard: and(['isReviewer', 'draftOk']), target: 'awaiting_approval', actions: 'storeDraft' } },
    decision: {
      awaiting_approval: {
        on: {
          RETURN_TO_REVIEW: { guard: and(['isHeadNotDrafter', 'returnOk']), target: 'in_review', actions: 'clearDraft' },
          ISSUE: {
            guard: and(['isHeadNotDrafter', 'hasDraft']),
            target: 'issued',
            actions: [enqueue('notice:statement'), enqueue('email:organisation')],
          },
          ...withdrawTransition,
        },
      },
      issued: { type: 'final' },
    },
  }) as unknown as StatementStates,
});

function representativeEvents(_context: StatementContext, actor: WorkflowActor): StatementEvent[] {
  const facts = { missing: [] };
  return [
    { type: 'SUBMIT', actor, facts },
    { type: 'START_REVIEW', actor },
    { type: 'REQUEST_CHANGES', actor, message: 'x', dueDate: '2000-01-01' },
    { type: 'RESUBMIT', actor, facts },
    { type: 'DRAFT_STATEMENT', actor, position: 'supportive', text: 'x' },
    { type: 'RETURN_TO_REVIEW', actor, message: 'x' },
    { type: 'ISSUE', actor },
    { type: 'WITHDRAW', actor },
  ];
}

const kit = workflowKit<StatementState, StatementContext, StatementEvent, StatementEffect>({
  name: 'statement',
  machine: statementMachine,
  states: STATEMENT_STATES,
  version: STATEMENT_MACHINE_VERSION,
  representativeEvents,
});

export const initialStatementSnapshot = (organisationId: string): PersistedStatement => kit.initial(organisationId);
export const decideStatement = (persisted: PersistedStatement, event: StatementEvent): StatementDecision => kit.decide(persisted, event);
export const allowedStatementEvents = (persisted: PersistedStatement, actor: WorkflowActor): StatementEventType[] => kit.allowedEvents(persisted, actor);
export const migrateStatementSnapshot = (persisted: PersistedStatement, fromVersion: number): PersistedStatement => kit.migrate(persisted, fromVersion);
