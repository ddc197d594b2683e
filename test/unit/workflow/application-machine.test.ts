import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPLICATION_MACHINE_VERSION,
  allowedEvents,
  applicationMachine,
  decide,
  initialApplicationSnapshot,
  migrateApplicationSnapshot,
  restore,
  type ApplicationContext,
  type ApplicationEvent,
  type ApplicationState,
  type PersistedApplication,
  type SubmissionFacts,
  type WorkflowActor,
} from '../../../src/workflow/application-machine';

// ---------------------------------------------------------------------------------------------
// Fixtures (explicit; nothing here is computed by the code under test)

const ORG = 'org-1';
const REVIEWER = 'user-reviewer';
const REQUESTED = 500_000; // 5.000,00 €

type ActorKey =
  | 'applicantOwn'
  | 'applicantOther'
  | 'coordinatorReviewer'
  | 'coordinatorOther'
  | 'head'
  | 'headReviewer'
  | 'admin';

const ACTORS: Record<ActorKey, { label: string; actor: WorkflowActor }> = {
  applicantOwn: {
    label: 'an applicant of the organisation',
    actor: { id: 'user-applicant', role: 'applicant', organisationId: ORG },
  },
  applicantOther: {
    label: 'an applicant of another organisation',
    actor: { id: 'user-other-applicant', role: 'applicant', organisationId: 'org-2' },
  },
  coordinatorReviewer: {
    label: 'the coordinator who is the reviewer',
    actor: { id: REVIEWER, role: 'coordinator', organisationId: null },
  },
  coordinatorOther: {
    label: 'another coordinator',
    actor: { id: 'user-coordinator-2', role: 'coordinator', organisationId: null },
  },
  head: {
    label: 'a head of department',
    actor: { id: 'user-head', role: 'head', organisationId: null },
  },
  headReviewer: {
    label: 'a head who is also the reviewer',
    actor: { id: REVIEWER, role: 'head', organisationId: null },
  },
  admin: {
    label: 'an admin',
    actor: { id: 'user-admin', role: 'admin', organisationId: null },
  },
};
const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];

const STATES: ApplicationState[] = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'awaiting_decision',
  'approved',
  'rejected',
  'withdrawn',
];

type EventType = ApplicationEvent['type'];
const EVENT_TYPES: EventType[] = [
  'SUBMIT',
  'START_REVIEW',
  'REQUEST_CHANGES',
  'RESUBMIT',
  'RECOMMEND',
  'RETURN_TO_REVIEW',
  'APPROVE',
  'REJECT',
  'WITHDRAW',
];

const RECOMMENDATION = {
  recommendation: 'approve' as const,
  amountCents: 400_000,
  rationale: 'Förderfähig, Honorarkosten gekürzt.',
  by: REVIEWER,
};

function contextFor(state: ApplicationState): ApplicationContext {
  switch (state) {
    case 'draft':
      return { organisationId: ORG, reviewerId: null, requestedCents: null, recommendation: null };
    case 'submitted':
      return { organisationId: ORG, reviewerId: null, requestedCents: REQUESTED, recommendation: null };
    case 'in_review':
    case 'changes_requested':
      return { organisationId: ORG, reviewerId: REVIEWER, requestedCents: REQUESTED, recommendation: null };
    case 'awaiting_decision':
    case 'approved':
    case 'rejected':
      return {
        organisationId: ORG,
        reviewerId: REVIEWER,
        requestedCents: REQUESTED,
        recommendation: { ...RECOMMENDATION },
      };
    case 'withdrawn':
      return { organisationId: ORG, reviewerId: null, requestedCents: null, recommendation: null };
  }
}

function persisted(state: ApplicationState, overrides: Partial<ApplicationContext> = {}): PersistedApplication {
  return { value: state, context: { ...contextFor(state), ...overrides } };
}

const COMPLETE_FACTS: SubmissionFacts = { missing: [], fundingGapCents: REQUESTED, requestedCents: REQUESTED };

/** An event of `type` with a payload that is valid against the fixtures above. */
function validEvent(type: EventType, actor: WorkflowActor): ApplicationEvent {
  switch (type) {
    case 'SUBMIT':
      return { type, actor, facts: { ...COMPLETE_FACTS } };
    case 'START_REVIEW':
      return { type, actor };
    case 'REQUEST_CHANGES':
      return { type, actor, message: 'Bitte den Kostenplan ergänzen.', dueDate: '2027-03-31' };
    case 'RESUBMIT':
      return { type, actor, facts: { ...COMPLETE_FACTS } };
    case 'RECOMMEND':
      return { type, actor, recommendation: 'approve', amount: REQUESTED, rationale: 'Förderfähig.' };
    case 'RETURN_TO_REVIEW':
      return { type, actor, message: 'Bitte die Eigenmittel prüfen.' };
    case 'APPROVE':
      return { type, actor, amount: REQUESTED };
    case 'REJECT':
      return { type, actor, rationale: 'Nicht förderfähig nach Nr. 2 FRL.' };
    case 'WITHDRAW':
      return { type, actor, reason: 'Projekt anderweitig finanziert.' };
  }
}

/** The specification, written out: every allowed (state, event) with its target, actors, effects. */
interface Allowed {
  to: ApplicationState;
  actors: ActorKey[];
  effects: string[];
}
const WITHDRAW: Allowed = { to: 'withdrawn', actors: ['applicantOwn'], effects: [] };
const SPEC: Record<ApplicationState, Partial<Record<EventType, Allowed>>> = {
  draft: {
    SUBMIT: { to: 'submitted', actors: ['applicantOwn'], effects: ['notice:receipt', 'email:coordinators'] },
    WITHDRAW,
  },
  submitted: {
    START_REVIEW: { to: 'in_review', actors: ['coordinatorReviewer', 'coordinatorOther'], effects: [] },
    WITHDRAW,
  },
  in_review: {
    REQUEST_CHANGES: {
      to: 'changes_requested',
      actors: ['coordinatorReviewer', 'headReviewer'],
      effects: ['notice:request_for_changes', 'email:organisation'],
    },
    RECOMMEND: { to: 'awaiting_decision', actors: ['coordinatorReviewer', 'headReviewer'], effects: [] },
    WITHDRAW,
  },
  changes_requested: {
    RESUBMIT: { to: 'in_review', actors: ['applicantOwn'], effects: [] },
    WITHDRAW,
  },
  awaiting_decision: {
    RETURN_TO_REVIEW: { to: 'in_review', actors: ['head'], effects: [] },
    APPROVE: { to: 'approved', actors: ['head'], effects: ['notice:grant', 'email:organisation'] },
    REJECT: { to: 'rejected', actors: ['head'], effects: ['notice:rejection', 'email:organisation'] },
    WITHDRAW,
  },
  approved: {},
  rejected: {},
  withdrawn: {},
};

const actorOf = (key: ActorKey): WorkflowActor => ACTORS[key].actor;
const applicant = actorOf('applicantOwn');
const reviewer = actorOf('coordinatorReviewer');
const head = actorOf('head');

function expectAllowed(from: PersistedApplication, event: ApplicationEvent, to: ApplicationState) {
  const result = decide(from, event);
  expect(result).toMatchObject({ ok: true, from: from.value, to });
  return result as Extract<ReturnType<typeof decide>, { ok: true }>;
}

function expectRefused(from: PersistedApplication, event: ApplicationEvent) {
  expect(decide(from, event)).toEqual({ ok: false });
}

// ---------------------------------------------------------------------------------------------

describe('application machine: definition', () => {
  it('when the module is loaded, then the machine is "application" at version 1', () => {
    expect(applicationMachine.id).toBe('application');
    expect(APPLICATION_MACHINE_VERSION).toBe(1);
  });

  it('when the workflow sources are read, then they import nothing but xstate and each other (the core stays pure)', () => {
    const folder = join(__dirname, '../../../src/workflow');
    for (const file of readdirSync(folder)) {
      const source = readFileSync(join(folder, file), 'utf8');
      const imports = [...source.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      expect(imports.filter((i) => i !== 'xstate' && !i.startsWith('./'))).toEqual([]);
    }
  });

  it('when a draft is created, then it is a JSON-safe draft owned by the organisation', () => {
    const initial = initialApplicationSnapshot(ORG);
    expect(initial).toEqual({
      value: 'draft',
      context: { organisationId: ORG, reviewerId: null, requestedCents: null, recommendation: null },
    });
    expect(JSON.parse(JSON.stringify(initial))).toEqual(initial);
  });

  it('when a draft is created without an organisation, then it throws', () => {
    expect(() => initialApplicationSnapshot('')).toThrow(/organisationId/);
  });
});

describe('application machine: state × event × actor matrix', () => {
  const cases: Array<[string, ApplicationState, EventType, ActorKey, Allowed | undefined]> = [];
  for (const state of STATES) {
    for (const type of EVENT_TYPES) {
      for (const key of ACTOR_KEYS) {
        const spec = SPEC[state][type];
        const allowed = spec !== undefined && spec.actors.includes(key) ? spec : undefined;
        const outcome = allowed ? `allowed and leads to ${allowed.to}` : 'refused';
        cases.push([`when ${ACTORS[key].label} sends ${type} in ${state}, then it is ${outcome}`, state, type, key, allowed]);
      }
    }
  }

  it('when the matrix is built, then it covers 8 states × 9 events × 7 actors', () => {
    expect(cases).toHaveLength(8 * 9 * 7);
  });

  it.each(cases)('%s', (_name, state, type, key, allowed) => {
    const from = persisted(state);
    const event = validEvent(type, actorOf(key));
    expect(restore(from).can(event)).toBe(allowed !== undefined);
    if (allowed) {
      expectAllowed(from, event, allowed.to);
    } else {
      expectRefused(from, event);
    }
  });
});

describe('application machine: effects per transition', () => {
  const cases: Array<[string, ApplicationState, EventType, Allowed]> = [];
  for (const state of STATES) {
    for (const type of EVENT_TYPES) {
      const spec = SPEC[state][type];
      if (spec) {
        const effects = spec.effects.length ? spec.effects.join(', ') : 'none';
        cases.push([`when ${type} moves ${state} to ${spec.to}, then the effects are ${effects}`, state, type, spec]);
      }
    }
  }

  it.each(cases)('%s', (_name, state, type, spec) => {
    const key = spec.actors[0] as ActorKey;
    const result = expectAllowed(persisted(state), validEvent(type, actorOf(key)), spec.to);
    expect(result.effects).toEqual(spec.effects);
  });
});

describe('application machine: context updates', () => {
  it('when a draft is submitted, then the requested amount is stored', () => {
    const result = expectAllowed(
      persisted('draft'),
      { type: 'SUBMIT', actor: applicant, facts: { missing: [], fundingGapCents: 900_000, requestedCents: 750_000 } },
      'submitted',
    );
    expect(result.next.context.requestedCents).toBe(750_000);
  });

  it('when a coordinator starts the review, then that coordinator becomes the reviewer', () => {
    const other = actorOf('coordinatorOther');
    const result = expectAllowed(persisted('submitted'), { type: 'START_REVIEW', actor: other }, 'in_review');
    expect(result.next.context.reviewerId).toBe(other.id);
  });

  it('when the applicant resubmits with a new amount, then the requested amount is updated and the reviewer kept', () => {
    const result = expectAllowed(
      persisted('changes_requested'),
      { type: 'RESUBMIT', actor: applicant, facts: { missing: [], fundingGapCents: 450_000, requestedCents: 450_000 } },
      'in_review',
    );
    expect(result.next.context).toMatchObject({ requestedCents: 450_000, reviewerId: REVIEWER });
  });

  it('when the reviewer recommends approval, then the recommendation is stored in cents', () => {
    const result = expectAllowed(
      persisted('in_review'),
      { type: 'RECOMMEND', actor: reviewer, recommendation: 'approve', amount: 300_000, rationale: 'Teilweise.' },
      'awaiting_decision',
    );
    expect(result.next.context.recommendation).toEqual({
      recommendation: 'approve',
      amountCents: 300_000,
      rationale: 'Teilweise.',
      by: REVIEWER,
    });
  });

  it('when the reviewer recommends rejection, then no amount is stored', () => {
    const result = expectAllowed(
      persisted('in_review'),
      { type: 'RECOMMEND', actor: reviewer, recommendation: 'reject', amount: 100, rationale: 'Nicht förderfähig.' },
      'awaiting_decision',
    );
    expect(result.next.context.recommendation).toEqual({
      recommendation: 'reject',
      amountCents: null,
      rationale: 'Nicht förderfähig.',
      by: REVIEWER,
    });
  });

  it('when the head returns the case to review, then the recommendation is cleared and the reviewer kept', () => {
    const result = expectAllowed(
      persisted('awaiting_decision'),
      { type: 'RETURN_TO_REVIEW', actor: head, message: 'Bitte nachrechnen.' },
      'in_review',
    );
    expect(result.next.context).toEqual({ ...contextFor('in_review'), recommendation: null });
  });

  it('when decide runs, then it does not modify the persisted input', () => {
    const from = persisted('awaiting_decision');
    const copy = JSON.parse(JSON.stringify(from)) as PersistedApplication;
    decide(from, { type: 'RETURN_TO_REVIEW', actor: head, message: 'Bitte nachrechnen.' });
    decide(from, validEvent('APPROVE', head));
    expect(from).toEqual(copy);
  });
});

describe('application machine: guard edge cases', () => {
  const submitWith = (facts: Partial<SubmissionFacts>): ApplicationEvent => ({
    type: 'SUBMIT',
    actor: applicant,
    facts: { ...COMPLETE_FACTS, ...facts },
  });

  it('when an incomplete draft is submitted, then it is refused', () => {
    expectRefused(persisted('draft'), submitWith({ missing: ['costItems', 'attachment:statutes'] }));
  });

  it('when the requested amount exceeds the funding gap by one cent, then SUBMIT is refused', () => {
    expectRefused(persisted('draft'), submitWith({ fundingGapCents: REQUESTED - 1 }));
  });

  it('when the requested amount equals the funding gap, then SUBMIT is allowed', () => {
    expectAllowed(persisted('draft'), submitWith({ fundingGapCents: REQUESTED }), 'submitted');
  });

  it('when the requested amount is zero, negative or not whole cents, then SUBMIT is refused', () => {
    expectRefused(persisted('draft'), submitWith({ requestedCents: 0 }));
    expectRefused(persisted('draft'), submitWith({ requestedCents: -100 }));
    expectRefused(persisted('draft'), submitWith({ requestedCents: 100.5, fundingGapCents: 1000 }));
  });

  it('when SUBMIT carries no facts, then it is refused without throwing', () => {
    const event = { type: 'SUBMIT', actor: applicant } as unknown as ApplicationEvent;
    expectRefused(persisted('draft'), event);
  });

  it('when an incomplete or over-budget case is resubmitted, then it is refused', () => {
    expectRefused(persisted('changes_requested'), {
      type: 'RESUBMIT',
      actor: applicant,
      facts: { ...COMPLETE_FACTS, missing: ['periodEnd'] },
    });
    expectRefused(persisted('changes_requested'), {
      type: 'RESUBMIT',
      actor: applicant,
      facts: { ...COMPLETE_FACTS, fundingGapCents: REQUESTED - 1 },
    });
  });

  it('when an applicant without an organisation submits, then it is refused', () => {
    expectRefused(persisted('draft'), {
      type: 'SUBMIT',
      actor: { id: 'user-x', role: 'applicant', organisationId: null },
      facts: COMPLETE_FACTS,
    });
  });

  it('when a partial approval has no rationale, then it is refused', () => {
    expectRefused(persisted('awaiting_decision'), { type: 'APPROVE', actor: head, amount: 400_000 });
    expectRefused(persisted('awaiting_decision'), { type: 'APPROVE', actor: head, amount: 400_000, rationale: '   ' });
  });

  it('when a partial approval has a rationale, then it is allowed', () => {
    expectAllowed(
      persisted('awaiting_decision'),
      { type: 'APPROVE', actor: head, amount: 400_000, rationale: 'Honorare gekürzt.', conditions: 'Verwendungsnachweis' },
      'approved',
    );
  });

  it('when a full approval has no rationale, then it is allowed', () => {
    expectAllowed(persisted('awaiting_decision'), { type: 'APPROVE', actor: head, amount: REQUESTED }, 'approved');
  });

  it('when the approval exceeds the requested amount by one cent, then it is refused', () => {
    expectRefused(persisted('awaiting_decision'), {
      type: 'APPROVE',
      actor: head,
      amount: REQUESTED + 1,
      rationale: 'Mehr als beantragt.',
    });
  });

  it('when the approved amount is zero, negative or not whole cents, then it is refused', () => {
    for (const amount of [0, -1, 1.5]) {
      expectRefused(persisted('awaiting_decision'), { type: 'APPROVE', actor: head, amount, rationale: 'Grund.' });
    }
  });

  it('when no requested amount is stored, then APPROVE is refused', () => {
    expectRefused(persisted('awaiting_decision', { requestedCents: null }), {
      type: 'APPROVE',
      actor: head,
      amount: 1,
      rationale: 'Grund.',
    });
  });

  it('when the head is the reviewer, then APPROVE, REJECT and RETURN_TO_REVIEW are refused (four-eyes)', () => {
    const headReviewer = actorOf('headReviewer');
    const from = persisted('awaiting_decision');
    expectRefused(from, { type: 'APPROVE', actor: headReviewer, amount: REQUESTED });
    expectRefused(from, { type: 'REJECT', actor: headReviewer, rationale: 'Grund.' });
    expectRefused(from, { type: 'RETURN_TO_REVIEW', actor: headReviewer, message: 'Nochmal.' });
  });

  it('when a coordinator who is not the reviewer decides, then it is refused (role head required)', () => {
    expectRefused(persisted('awaiting_decision'), { type: 'APPROVE', actor: actorOf('coordinatorOther'), amount: REQUESTED });
  });

  it('when a rejection has an empty rationale, then it is refused', () => {
    expectRefused(persisted('awaiting_decision'), { type: 'REJECT', actor: head, rationale: '' });
    expectRefused(persisted('awaiting_decision'), { type: 'REJECT', actor: head, rationale: ' \n ' });
  });

  it('when RETURN_TO_REVIEW has an empty message, then it is refused', () => {
    expectRefused(persisted('awaiting_decision'), { type: 'RETURN_TO_REVIEW', actor: head, message: '' });
  });

  it('when a change request has an empty message, then it is refused', () => {
    expectRefused(persisted('in_review'), { type: 'REQUEST_CHANGES', actor: reviewer, message: ' ', dueDate: '2027-03-31' });
  });

  it('when a change request has a due date not written YYYY-MM-DD or not in the calendar, then it is refused', () => {
    for (const dueDate of ['31.03.2027', '2027-3-31', '2027-03-31T00:00:00Z', '2027-02-30', '2027-13-01', '']) {
      expectRefused(persisted('in_review'), { type: 'REQUEST_CHANGES', actor: reviewer, message: 'Bitte.', dueDate });
    }
  });

  it('when a change request is due on 29 February of a leap year, then it is allowed', () => {
    expectAllowed(
      persisted('in_review'),
      { type: 'REQUEST_CHANGES', actor: reviewer, message: 'Bitte.', dueDate: '2028-02-29' },
      'changes_requested',
    );
  });

  it('when a recommendation to approve has no amount or too much, then it is refused', () => {
    const base = { type: 'RECOMMEND' as const, actor: reviewer, recommendation: 'approve' as const, rationale: 'Gut.' };
    expectRefused(persisted('in_review'), base);
    expectRefused(persisted('in_review'), { ...base, amount: 0 });
    expectRefused(persisted('in_review'), { ...base, amount: REQUESTED + 1 });
    expectAllowed(persisted('in_review'), { ...base, amount: 1 }, 'awaiting_decision');
  });

  it('when a recommendation has no rationale, then it is refused', () => {
    expectRefused(persisted('in_review'), { type: 'RECOMMEND', actor: reviewer, recommendation: 'reject', rationale: '' });
  });

  it('when a recommendation is neither approve nor reject, then it is refused', () => {
    const event = { type: 'RECOMMEND', actor: reviewer, recommendation: 'maybe', rationale: 'Hm.' } as unknown as ApplicationEvent;
    expectRefused(persisted('in_review'), event);
  });

  it('when an event has no valid actor, then it is refused without throwing', () => {
    const noActor = { type: 'WITHDRAW' } as unknown as ApplicationEvent;
    const badRole = { type: 'WITHDRAW', actor: { id: 'x', role: 'superuser', organisationId: ORG } } as unknown as ApplicationEvent;
    expectRefused(persisted('draft'), noActor);
    expectRefused(persisted('draft'), badRole);
  });

  it('when the event type is unknown, then it is refused', () => {
    expectRefused(persisted('draft'), { type: 'ARCHIVE', actor: applicant } as unknown as ApplicationEvent);
  });
});

describe('application machine: restore and serialise', () => {
  it('when a case walks through the whole workflow with JSON between every step, then each step restores exactly', () => {
    const steps: Array<[ApplicationEvent, ApplicationState]> = [
      [validEvent('SUBMIT', applicant), 'submitted'],
      [validEvent('START_REVIEW', reviewer), 'in_review'],
      [validEvent('REQUEST_CHANGES', reviewer), 'changes_requested'],
      [validEvent('RESUBMIT', applicant), 'in_review'],
      [validEvent('RECOMMEND', reviewer), 'awaiting_decision'],
      [validEvent('RETURN_TO_REVIEW', head), 'in_review'],
      [validEvent('RECOMMEND', reviewer), 'awaiting_decision'],
      [validEvent('APPROVE', head), 'approved'],
    ];
    let stored = JSON.stringify(initialApplicationSnapshot(ORG));
    for (const [event, to] of steps) {
      const current = JSON.parse(stored) as PersistedApplication;
      const result = expectAllowed(current, event, to);
      stored = JSON.stringify(result.next);
      expect(JSON.parse(stored)).toEqual(result.next);
      const restored = restore(JSON.parse(stored) as PersistedApplication);
      expect(restored.value).toBe(to);
      expect(restored.context).toEqual(result.next.context);
    }
    expect(JSON.parse(stored)).toEqual({
      value: 'approved',
      context: {
        organisationId: ORG,
        reviewerId: REVIEWER,
        requestedCents: REQUESTED,
        recommendation: { recommendation: 'approve', amountCents: REQUESTED, rationale: 'Förderfähig.', by: REVIEWER },
      },
    });
  });

  it('when a final state is restored, then the snapshot is done and accepts nothing', () => {
    for (const state of ['approved', 'rejected', 'withdrawn'] as const) {
      const snapshot = restore(persisted(state));
      expect(snapshot.status).toBe('done');
      expect(snapshot.can(validEvent('WITHDRAW', applicant))).toBe(false);
    }
  });

  it('when a non-final state is restored, then the snapshot is active', () => {
    expect(restore(persisted('awaiting_decision')).status).toBe('active');
  });

  it('when the stored state is unknown, then restore throws', () => {
    expect(() => restore({ value: 'archived', context: contextFor('draft') } as unknown as PersistedApplication)).toThrow(
      /unknown application state/,
    );
  });
});

describe('application machine: allowedEvents', () => {
  // Expected lists follow the written-out SPEC, in the order of EVENT_TYPES.
  const cases: Array<[string, ApplicationState, ActorKey, EventType[]]> = [];
  for (const state of STATES) {
    for (const key of ACTOR_KEYS) {
      const expected = EVENT_TYPES.filter((type) => SPEC[state][type]?.actors.includes(key) ?? false);
      const list = expected.length ? expected.join(', ') : 'nothing';
      cases.push([`when ${ACTORS[key].label} looks at a case in ${state}, then they may send ${list}`, state, key, expected]);
    }
  }

  it.each(cases)('%s', (_name, state, key, expected) => {
    expect(allowedEvents(persisted(state), actorOf(key))).toEqual(expected);
  });

  it('when explicit facts show an incomplete draft, then SUBMIT is not offered', () => {
    expect(allowedEvents(persisted('draft'), applicant, { ...COMPLETE_FACTS, missing: ['title'] })).toEqual(['WITHDRAW']);
  });

  it('when explicit facts show too high a request, then RESUBMIT is not offered', () => {
    expect(
      allowedEvents(persisted('changes_requested'), applicant, { ...COMPLETE_FACTS, fundingGapCents: REQUESTED - 1 }),
    ).toEqual(['WITHDRAW']);
  });

  it('when explicit complete facts are given, then SUBMIT is offered', () => {
    expect(allowedEvents(persisted('draft'), applicant, COMPLETE_FACTS)).toEqual(['SUBMIT', 'WITHDRAW']);
  });

  it('when the actor is malformed, then nothing is offered', () => {
    expect(allowedEvents(persisted('draft'), {} as unknown as WorkflowActor)).toEqual([]);
  });
});

describe('application machine: migration', () => {
  it('when a version 1 state is migrated, then it is unchanged', () => {
    const stored = persisted('awaiting_decision');
    expect(migrateApplicationSnapshot(stored, 1)).toEqual(stored);
  });

  it('when the version is unknown, then migration throws', () => {
    for (const version of [0, 2, -1, Number.NaN]) {
      expect(() => migrateApplicationSnapshot(persisted('draft'), version)).toThrow(/unknown application machine version/);
    }
  });
});
