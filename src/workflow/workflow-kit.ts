/**
 * What every case workflow shares: the actor, defensive predicates for events that arrive from
 * JSON, and the pure persist / restore / decide / allowed-events loop around an XState machine.
 * Pure: imports nothing but xstate.
 */
import { and, initialTransition, transition, type AnyStateMachine } from 'xstate';

export type WorkflowRole = 'applicant' | 'coordinator' | 'head' | 'admin';

export interface WorkflowActor {
  id: string;
  role: WorkflowRole;
  organisationId: string | null;
}

/** The review phase every case kind goes through, stored in its machine context. */
export interface ReviewContext {
  /** The organisation that owns the case. */
  organisationId: string;
  /** Set by START_REVIEW to the acting coordinator. */
  reviewerId: string | null;
}

const ROLES: readonly string[] = ['applicant', 'coordinator', 'head', 'admin'];
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isActor(value: unknown): value is WorkflowActor {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.id === 'string' &&
    a.id.length > 0 &&
    typeof a.role === 'string' &&
    ROLES.includes(a.role) &&
    (a.organisationId === null || typeof a.organisationId === 'string')
  );
}

export function nonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function positiveCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** A calendar date written YYYY-MM-DD (e.g. 2027-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

/** Guards of the review phase, shared by every case machine. */
export const reviewGuards = {
  /** Role applicant AND member of the owning organisation. */
  isOwnApplicant: ({ context, event }: { context: ReviewContext; event: { actor: unknown } }) =>
    isActor(event.actor) &&
    event.actor.role === 'applicant' &&
    event.actor.organisationId !== null &&
    event.actor.organisationId === context.organisationId,
  isCoordinator: ({ event }: { event: { actor: unknown } }) => isActor(event.actor) && event.actor.role === 'coordinator',
  /** The assigned reviewer (by user id). */
  isReviewer: ({ context, event }: { context: ReviewContext; event: { actor: unknown } }) =>
    isActor(event.actor) && context.reviewerId !== null && event.actor.id === context.reviewerId,
  /** Four-eyes: a head who is not the reviewer. */
  isHeadNotReviewer: ({ context, event }: { context: ReviewContext; event: { actor: unknown } }) =>
    isActor(event.actor) && event.actor.role === 'head' && event.actor.id !== context.reviewerId,
  changeRequestOk: ({ event }: { event: { type: string; message?: unknown; dueDate?: unknown } }) =>
    event.type === 'REQUEST_CHANGES' && nonEmptyText(event.message) && isIsoDate(event.dueDate),
  returnOk: ({ event }: { event: { type: string; message?: unknown } }) => event.type === 'RETURN_TO_REVIEW' && nonEmptyText(event.message),
};

/** The context factory of a review machine; transition() runs it with input undefined, so guard it. */
export function reviewContext(input: unknown): ReviewContext {
  return { organisationId: (input as { organisationId?: string } | undefined)?.organisationId ?? '', reviewerId: null };
}

export interface Persisted<S extends string, C> {
  value: S;
  context: C;
}

export type Decision<S extends string, C, E extends string> =
  | { ok: true; next: Persisted<S, C>; from: S; to: S; effects: E[] }
  | { ok: false };

/**
 * The pure loop around one machine: initial state, restore, decide (can, then transition, with
 * the side effects collected from `enqueueEffect` actions), allowed events, migration.
 */
export function workflowKit<S extends string, C, Ev extends { type: string; actor: WorkflowActor }, Eff extends string>(options: {
  name: string;
  machine: AnyStateMachine;
  states: readonly S[];
  version: number;
  /** Representative valid events per actor, so allowedEvents says what is possible in principle. */
  representativeEvents: (context: C, actor: WorkflowActor) => Ev[];
}) {
  const { name, machine, states, version } = options;
  const isState = (value: unknown): value is S => typeof value === 'string' && (states as readonly string[]).includes(value);

  function persist(snapshot: { value: unknown; context: unknown }): Persisted<S, C> {
    if (!isState(snapshot.value)) throw new Error(`${name} machine produced an unknown state: ${JSON.stringify(snapshot.value)}`);
    // JSON round trip: a plain, JSON-safe copy that shares nothing with the snapshot.
    return { value: snapshot.value, context: JSON.parse(JSON.stringify(snapshot.context)) as C };
  }

  function restore(persisted: Persisted<S, C>) {
    if (!isState(persisted?.value)) throw new Error(`restore: unknown ${name} state ${JSON.stringify(persisted?.value)}`);
    return machine.resolveState({ value: persisted.value, context: persisted.context });
  }

  return {
    initial(organisationId: string): Persisted<S, C> {
      if (typeof organisationId !== 'string' || organisationId.length === 0) {
        throw new Error(`initial ${name} snapshot: organisationId is required`);
      }
      const [snapshot] = initialTransition(machine, { organisationId });
      return persist(snapshot);
    },
    restore,
    /**
     * Whether `event` is allowed now and, if so, the next persisted state and the side effects to
     * enqueue. Never throws for a malformed event: it is refused.
     */
    decide(persisted: Persisted<S, C>, event: Ev): Decision<S, C, Eff> {
      const snapshot = restore(persisted);
      if (typeof event !== 'object' || event === null || !isActor(event.actor) || !snapshot.can(event)) return { ok: false };
      const [nextSnapshot, actions] = transition(machine, snapshot, event);
      const next = persist(nextSnapshot);
      // Marker actions named enqueueEffect carry the side effects; the caller's outbox runs them.
      const effects = (actions as { type: string; params?: unknown }[])
        .filter((action) => action.type === 'enqueueEffect')
        .map((action) => (action.params as { effect: Eff }).effect);
      return { ok: true, next, from: persisted.value, to: next.value, effects };
    },
    allowedEvents(persisted: Persisted<S, C>, actor: WorkflowActor, events?: Ev[]): Ev['type'][] {
      if (!isActor(actor)) return [];
      const snapshot = restore(persisted);
      return (events ?? options.representativeEvents(snapshot.context as C, actor)).filter((e) => snapshot.can(e)).map((e) => e.type);
    },
    migrate(persisted: Persisted<S, C>, fromVersion: number): Persisted<S, C> {
      if (fromVersion === version) return persisted;
      throw new Error(`migrate: unknown ${name} machine version ${String(fromVersion)} (current ${version})`);
    },
  };
}

/**
 * Marker action: does nothing when run. `decide` collects its params from the transition
 * result, so the caller can enqueue the side effect in its outbox.
 */
export function enqueueEffectMarker(_args: unknown, _params: { effect: string }): void {}

const effect = (name: string) => ({ type: 'enqueueEffect', params: { effect: name } }) as const;
const withdraw = { WITHDRAW: { guard: 'isOwnApplicant', target: 'withdrawn' } } as const;

/**
 * The states of the review phase every case kind shares: draft → submitted → in review, with
 * requests for changes and withdrawal. Each kind adds its own ending: the events it accepts in
 * review (`inReview`) and the states after it (`decision`). Machines using it need the guards
 * of `reviewGuards` plus `submissionFactsOk`, and the actions `assignReviewer` and `enqueueEffect`.
 */
export function reviewPhaseStates<InReview extends object, Decision extends object>(options: {
  /** Actions run on SUBMIT and RESUBMIT besides the effects, e.g. storing the requested amount. */
  onSubmission: readonly string[];
  submitEffects: readonly string[];
  inReview: InReview;
  decision: Decision;
}) {
  const submission = { guard: and(['isOwnApplicant', 'submissionFactsOk']), actions: options.onSubmission } as const;
  return {
    draft: {
      on: { SUBMIT: { ...submission, target: 'submitted', actions: [...options.onSubmission, ...options.submitEffects.map(effect)] }, ...withdraw },
    },
    submitted: { on: { START_REVIEW: { guard: 'isCoordinator', target: 'in_review', actions: 'assignReviewer' }, ...withdraw } },
    in_review: {
      on: {
        REQUEST_CHANGES: {
          guard: and(['isReviewer', 'changeRequestOk']),
          target: 'changes_requested',
          actions: [effect('notice:request_for_changes'), effect('email:organisation')],
        },
        ...options.inReview,
        ...withdraw,
      },
    },
    changes_requested: { on: { RESUBMIT: { ...submission, target: 'in_review' }, ...withdraw } },
    ...options.decision,
    withdrawn: { type: 'final' },
  } as const;
}

export { effect as enqueue, withdraw as withdrawTransition };
