import {
  STATEMENT_EVENT_TYPES,
  STATEMENT_MACHINE_VERSION,
  STATEMENT_POSITIONS,
  STATEMENT_STATES,
  allowedStatementEvents,
  decideStatement,
  initialStatementSnapshot,
  migrateStatementSnapshot,
  statementMachine,
  type PersistedStatement,
  type StatementContext,
  type StatementEffect,
  type StatementEvent,
  type StatementEventType,
  type StatementFacts,
  type StatementPosition,
  type StatementState,
} from '../../../src/workflow/statement-machine';
import type { WorkflowActor } from '../../../src/workflow/workflow-kit';

// ---------------------------------------------------------------------------------------------
// Fixtures (explicit; nothing here is computed by the code under test)

const ORG = 'org-1';
const REVIEWER = 'user-reviewer';

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
const ACTOR_KEYS: ActorKey[] = [
  'applicantOwn',
  'applicantOther',
  'coordinatorReviewer',
  'coordinatorOther',
  'head',
  'headReviewer',
  'admin',
];

const STATES: StatementState[] = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'awaiting_approval',
  'issued',
  'withdrawn',
];

type EventType = StatementEventType;
const EVENT_TYPES: EventType[] = [
  'SUBMIT',
  'START_REVIEW',
  'REQUEST_CHANGES',
  'RESUBMIT',
  'DRAFT_STATEMENT',
  'RETURN_TO_REVIEW',
  'ISSUE',
  'WITHDRAW',
];

const DRAFT = { position: 'conditional' as StatementPosition, by: REVIEWER };

/** The context a case has in `state`, as the machine builds it on the way there. */
function contextFor(state: StatementState): StatementContext {
  switch (state) {
    case 'draft':
    case 'submitted':
      return { organisationId: ORG, reviewerId: null, draft: null };
    case 'in_review':
    case 'changes_requested':
      return { organisationId: ORG, reviewerId: REVIEWER, draft: null };
    case 'awaiting_approval':
    case 'issued':
      return { organisationId: ORG, reviewerId: REVIEWER, draft: { ...DRAFT } };
    case 'withdrawn':
      return { organisationId: ORG, reviewerId: null, draft: null };
  }
}

function persisted(state: StatementState, overrides: Partial<StatementContext> = {}): PersistedStatement {
  return { value: state, context: { ...contextFor(state), ...overrides } };
}

const COMPLETE_FACTS: StatementFacts = { missing: [] };

/** An event of `type` with a payload that is valid against the fixtures above. */
function validEvent(type: EventType, actor: WorkflowActor): StatementEvent {
  switch (type) {
    case 'SUBMIT':
      return { type, actor, facts: { missing: [] } };
    case 'START_REVIEW':
      return { type, actor };
    case 'REQUEST_CHANGES':
      return { type, actor, message: 'Bitte den Finanzierungsplan des Drittmittelgebers beifügen.', dueDate: '2027-03-31' };
    case 'RESUBMIT':
      return { type, actor, facts: { missing: [] } };
    case 'DRAFT_STATEMENT':
      return { type, actor, position: 'supportive', text: 'Das Vorhaben wird fachlich befürwortet.' };
    case 'RETURN_TO_REVIEW':
      return { type, actor, message: 'Bitte den kommunalen Eigenanteil begründen.' };
    case 'ISSUE':
      return { type, actor };
    case 'WITHDRAW':
      return { type, actor, reason: 'Antrag beim Drittmittelgeber zurückgezogen.' };
  }
}

/** The specification, written out: every allowed (state, event) with its target, actors, effects. */
interface Allowed {
  to: StatementState;
  actors: ActorKey[];
  effects: StatementEffect[];
}
const WITHDRAW: Allowed = { to: 'withdrawn', actors: ['applicantOwn'], effects: [] };
const SPEC: Record<StatementState, Partial<Record<EventType, Allowed>>> = {
  draft: {
    SUBMIT: { to: 'submitted', actors: ['applicantOwn'], effects: ['email:coordinators'] },
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
    DRAFT_STATEMENT: { to: 'awaiting_approval', actors: ['coordinatorReviewer', 'headReviewer'], effects: [] },
    WITHDRAW,
  },
  changes_requested: {
    RESUBMIT: { to: 'in_review', actors: ['applicantOwn'], effects: [] },
    WITHDRAW,
  },
  awaiting_approval: {
    RETURN_TO_REVIEW: { to: 'in_review', actors: ['head'], effects: [] },
    ISSUE: { to: 'issued', actors: ['head'], effects: ['notice:statement', 'email:organisation'] },
    WITHDRAW,
  },
  issued: {},
  withdrawn: {},
};

/** What allowedStatementEvents must offer, written out per state and actor (order of EVENT_TYPES). */
const ALLOWED_LISTS: Record<StatementState, Record<ActorKey, EventType[]>> = {
  draft: {
    applicantOwn: ['SUBMIT', 'WITHDRAW'],
    applicantOther: [],
    coordinatorReviewer: [],
    coordinatorOther: [],
    head: [],
    headReviewer: [],
    admin: [],
  },
  submitted: {
    applicantOwn: ['WITHDRAW'],
    applicantOther: [],
    coordinatorReviewer: ['START_REVIEW'],
    coordinatorOther: ['START_REVIEW'],
    head: [],
    headReviewer: [],
    admin: [],
  },
  in_review: {
    applicantOwn: ['WITHDRAW'],
    applicantOther: [],
    coordinatorReviewer: ['REQUEST_CHANGES', 'DRAFT_STATEMENT'],
    coordinatorOther: [],
    head: [],
    headReviewer: ['REQUEST_CHANGES', 'DRAFT_STATEMENT'],
    admin: [],
  },
  changes_requested: {
    applicantOwn: ['RESUBMIT', 'WITHDRAW'],
    applicantOther: [],
    coordinatorReviewer: [],
    coordinatorOther: [],
    head: [],
    headReviewer: [],
    admin: [],
  },
  awaiting_approval: {
    applicantOwn: ['WITHDRAW'],
    applicantOther: [],
    coordinatorReviewer: [],
    coordinatorOther: [],
    head: ['RETURN_TO_REVIEW', 'ISSUE'],
    headReviewer: [],
    admin: [],
  },
  issued: {
    applicantOwn: [],
    applicantOther: [],
    coordinatorReviewer: [],
    coordinatorOther: [],
    head: [],
    headReviewer: [],
    admin: [],
  },
  withdrawn: {
    applicantOwn: [],
    applicantOther: [],
    coordinatorReviewer: [],
    coordinatorOther: [],
    head: [],
    headReviewer: [],
    admin: [],
  },
};

const actorOf = (key: ActorKey): WorkflowActor => ACTORS[key].actor;
const applicant = actorOf('applicantOwn');
const reviewer = actorOf('coordinatorReviewer');
const head = actorOf('head');

type Ok = Extract<ReturnType<typeof decideStatement>, { ok: true }>;

function expectAllowed(from: PersistedStatement, event: StatementEvent, to: StatementState): Ok {
  const result = decideStatement(from, event);
  expect(result).toMatchObject({ ok: true, from: from.value, to });
  return result as Ok;
}

function expectRefused(from: PersistedStatement, event: StatementEvent) {
  expect(decideStatement(from, event)).toEqual({ ok: false });
}

/** Casts a deliberately malformed event past the type checker. */
const malformed = (event: unknown): StatementEvent => event as StatementEvent;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const canInMachine = (from: PersistedStatement, event: StatementEvent): boolean =>
  statementMachine.resolveState({ value: from.value, context: from.context }).can(event);

// ---------------------------------------------------------------------------------------------

describe('statement machine: definition', () => {
  it('when the module is loaded, then the machine is "statement" at version 1', () => {
    expect(statementMachine.id).toBe('statement');
    expect(STATEMENT_MACHINE_VERSION).toBe(1);
  });

  it('when the exported lists are read, then they are exactly the specified states, events and positions', () => {
    expect([...STATEMENT_STATES]).toEqual(STATES);
    expect([...STATEMENT_EVENT_TYPES]).toEqual(EVENT_TYPES);
    expect([...STATEMENT_POSITIONS]).toEqual(['supportive', 'conditional', 'not_supportive']);
  });

  it('when a draft is created, then it is a JSON-safe draft owned by the organisation with no reviewer and no draft', () => {
    const initial = initialStatementSnapshot(ORG);
    expect(initial).toEqual({ value: 'draft', context: { organisationId: ORG, reviewerId: null, draft: null } });
    expect(JSON.parse(JSON.stringify(initial))).toEqual(initial);
  });

  it('when a draft is created without an organisation, then it throws', () => {
    expect(() => initialStatementSnapshot('')).toThrow(/organisationId/);
  });

  it('when a draft is created with a non-string organisation, then it throws', () => {
    expect(() => initialStatementSnapshot(undefined as unknown as string)).toThrow(/organisationId/);
    expect(() => initialStatementSnapshot(null as unknown as string)).toThrow(/organisationId/);
  });
});

describe('statement machine: state × event × actor matrix', () => {
  const cases: Array<[string, StatementState, EventType, ActorKey, Allowed | undefined]> = [];
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

  it('when the matrix is built, then it covers 7 states × 8 events × 7 actors', () => {
    expect(cases).toHaveLength(7 * 8 * 7);
  });

  it.each(cases)('%s', (_name, state, type, key, allowed) => {
    const from = persisted(state);
    const event = validEvent(type, actorOf(key));
    expect(canInMachine(from, event)).toBe(allowed !== undefined);
    if (allowed) {
      const result = expectAllowed(from, event, allowed.to);
      expect(result.next.value).toBe(allowed.to);
    } else {
      expectRefused(from, event);
    }
  });
});

describe('statement machine: effects per transition', () => {
  const cases: Array<[string, StatementState, EventType, ActorKey, Allowed]> = [];
  for (const state of STATES) {
    for (const type of EVENT_TYPES) {
      const spec = SPEC[state][type];
      if (!spec) continue;
      for (const key of spec.actors) {
        const effects = spec.effects.length ? spec.effects.join(', ') : 'none';
        cases.push([
          `when ${ACTORS[key].label} sends ${type} and moves ${state} to ${spec.to}, then the effects are ${effects}`,
          state,
          type,
          key,
          spec,
        ]);
      }
    }
  }

  it('when the effect cases are built, then every allowed (state, event, actor) is covered', () => {
    // draft: 2, submitted: 3, in_review: 5, changes_requested: 2, awaiting_approval: 3
    expect(cases).toHaveLength(15);
  });

  it.each(cases)('%s', (_name, state, type, key, spec) => {
    const result = expectAllowed(persisted(state), validEvent(type, actorOf(key)), spec.to);
    expect(result.effects).toEqual(spec.effects);
  });

  it('when a transition is refused, then it reports no effects at all (only {ok: false})', () => {
    const result = decideStatement(persisted('awaiting_approval'), validEvent('ISSUE', actorOf('headReviewer')));
    expect(result).toEqual({ ok: false });
    expect(result).not.toHaveProperty('effects');
  });
});

describe('statement machine: context updates', () => {
  it('when a draft is submitted, then the context is unchanged', () => {
    const result = expectAllowed(persisted('draft'), validEvent('SUBMIT', applicant), 'submitted');
    expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: null, draft: null });
  });

  it('when another coordinator starts the review, then that coordinator becomes the reviewer', () => {
    const other = actorOf('coordinatorOther');
    const result = expectAllowed(persisted('submitted'), validEvent('START_REVIEW', other), 'in_review');
    expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: 'user-coordinator-2', draft: null });
  });

  it('when the reviewer requests changes, then the reviewer is kept and no draft exists', () => {
    const result = expectAllowed(persisted('in_review'), validEvent('REQUEST_CHANGES', reviewer), 'changes_requested');
    expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: REVIEWER, draft: null });
  });

  it('when the applicant resubmits, then the case returns to the same reviewer', () => {
    const result = expectAllowed(persisted('changes_requested'), validEvent('RESUBMIT', applicant), 'in_review');
    expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: REVIEWER, draft: null });
  });

  it.each(['supportive', 'conditional', 'not_supportive'] as const)(
    'when the reviewer drafts a %s statement, then the position and the drafter are stored',
    (position) => {
      const result = expectAllowed(
        persisted('in_review'),
        { type: 'DRAFT_STATEMENT', actor: reviewer, position, text: 'Begründung der Stellungnahme.' },
        'awaiting_approval',
      );
      expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: REVIEWER, draft: { position, by: REVIEWER } });
    },
  );

  it('when a head who is the reviewer drafts, then the draft is recorded under that id', () => {
    const result = expectAllowed(persisted('in_review'), validEvent('DRAFT_STATEMENT', actorOf('headReviewer')), 'awaiting_approval');
    expect(result.next.context.draft).toEqual({ position: 'supportive', by: REVIEWER });
  });

  it('when the head returns the draft to review, then the draft is cleared and the reviewer kept', () => {
    const result = expectAllowed(persisted('awaiting_approval'), validEvent('RETURN_TO_REVIEW', head), 'in_review');
    expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: REVIEWER, draft: null });
  });

  it('when the head issues the statement, then the issued draft and the reviewer are kept', () => {
    const result = expectAllowed(persisted('awaiting_approval'), validEvent('ISSUE', head), 'issued');
    expect(result.next.context).toEqual({ organisationId: ORG, reviewerId: REVIEWER, draft: { ...DRAFT } });
  });

  it('when the applicant withdraws while awaiting approval, then the context is kept as it was', () => {
    const result = expectAllowed(persisted('awaiting_approval'), validEvent('WITHDRAW', applicant), 'withdrawn');
    expect(result.next.context).toEqual(contextFor('awaiting_approval'));
  });

  it('when an event is allowed, then the next snapshot shares no object with the input', () => {
    const from = persisted('awaiting_approval');
    const result = expectAllowed(from, validEvent('ISSUE', head), 'issued');
    expect(result.next.context).not.toBe(from.context);
    expect(result.next.context.draft).not.toBe(from.context.draft);
  });
});

describe('statement machine: guard edge cases', () => {
  describe('SUBMIT and RESUBMIT', () => {
    it('when a draft with missing facts is submitted, then it is refused', () => {
      expectRefused(persisted('draft'), { type: 'SUBMIT', actor: applicant, facts: { missing: ['funderDeadline'] } });
      expectRefused(persisted('draft'), {
        type: 'SUBMIT',
        actor: applicant,
        facts: { missing: ['attachment:third_party_application', 'summary'] },
      });
    });

    it('when SUBMIT carries no facts, null facts or facts without a missing list, then it is refused', () => {
      expectRefused(persisted('draft'), malformed({ type: 'SUBMIT', actor: applicant }));
      expectRefused(persisted('draft'), malformed({ type: 'SUBMIT', actor: applicant, facts: null }));
      expectRefused(persisted('draft'), malformed({ type: 'SUBMIT', actor: applicant, facts: {} }));
      expectRefused(persisted('draft'), malformed({ type: 'SUBMIT', actor: applicant, facts: { missing: 'title' } }));
      expectRefused(persisted('draft'), malformed({ type: 'SUBMIT', actor: applicant, facts: [] }));
    });

    it('when an incomplete case is resubmitted, then it is refused', () => {
      expectRefused(persisted('changes_requested'), { type: 'RESUBMIT', actor: applicant, facts: { missing: ['concept'] } });
      expectRefused(persisted('changes_requested'), malformed({ type: 'RESUBMIT', actor: applicant }));
    });

    it('when an applicant without an organisation submits or withdraws, then it is refused', () => {
      const orphan: WorkflowActor = { id: 'user-x', role: 'applicant', organisationId: null };
      expectRefused(persisted('draft'), { type: 'SUBMIT', actor: orphan, facts: COMPLETE_FACTS });
      expectRefused(persisted('draft'), { type: 'WITHDRAW', actor: orphan });
    });

    it('when the applicant withdraws without a reason, then it is allowed (the reason is optional)', () => {
      expectAllowed(persisted('in_review'), { type: 'WITHDRAW', actor: applicant }, 'withdrawn');
    });
  });

  describe('DRAFT_STATEMENT', () => {
    it.each(['neutral', 'Supportive', 'approve', '', ' supportive'])(
      'when the position is "%s", then DRAFT_STATEMENT is refused',
      (position) => {
        expectRefused(persisted('in_review'), malformed({ type: 'DRAFT_STATEMENT', actor: reviewer, position, text: 'Text.' }));
      },
    );

    it('when the position is missing or not a string, then DRAFT_STATEMENT is refused', () => {
      expectRefused(persisted('in_review'), malformed({ type: 'DRAFT_STATEMENT', actor: reviewer, text: 'Text.' }));
      expectRefused(persisted('in_review'), malformed({ type: 'DRAFT_STATEMENT', actor: reviewer, position: null, text: 'Text.' }));
      expectRefused(persisted('in_review'), malformed({ type: 'DRAFT_STATEMENT', actor: reviewer, position: 1, text: 'Text.' }));
    });

    it.each(['', ' ', '\n\t  '])('when the text is blank (%j), then DRAFT_STATEMENT is refused', (text) => {
      expectRefused(persisted('in_review'), { type: 'DRAFT_STATEMENT', actor: reviewer, position: 'supportive', text });
    });

    it('when the text is missing or not a string, then DRAFT_STATEMENT is refused', () => {
      expectRefused(persisted('in_review'), malformed({ type: 'DRAFT_STATEMENT', actor: reviewer, position: 'supportive' }));
      expectRefused(persisted('in_review'), malformed({ type: 'DRAFT_STATEMENT', actor: reviewer, position: 'supportive', text: 42 }));
    });

    it('when another coordinator drafts, then it is refused (only the reviewer drafts)', () => {
      expectRefused(persisted('in_review'), validEvent('DRAFT_STATEMENT', actorOf('coordinatorOther')));
    });
  });

  describe('REQUEST_CHANGES', () => {
    it.each(['', '   ', '\n'])('when the message is blank (%j), then REQUEST_CHANGES is refused', (message) => {
      expectRefused(persisted('in_review'), { type: 'REQUEST_CHANGES', actor: reviewer, message, dueDate: '2027-03-31' });
    });

    it.each(['2027-02-30', '2027-13-01', '2027-00-10', '2027-04-31', '31.03.2027', '2027-3-31', '2027-03-31T00:00:00Z', ''])(
      'when the due date is %j, then REQUEST_CHANGES is refused',
      (dueDate) => {
        expectRefused(persisted('in_review'), { type: 'REQUEST_CHANGES', actor: reviewer, message: 'Bitte ergänzen.', dueDate });
      },
    );

    it('when the message or due date is missing, then REQUEST_CHANGES is refused', () => {
      expectRefused(persisted('in_review'), malformed({ type: 'REQUEST_CHANGES', actor: reviewer, dueDate: '2027-03-31' }));
      expectRefused(persisted('in_review'), malformed({ type: 'REQUEST_CHANGES', actor: reviewer, message: 'Bitte.' }));
      expectRefused(persisted('in_review'), malformed({ type: 'REQUEST_CHANGES', actor: reviewer, message: 'Bitte.', dueDate: 20270331 }));
    });

    it('when the due date is 29 February of a leap year, then REQUEST_CHANGES is allowed', () => {
      expectAllowed(
        persisted('in_review'),
        { type: 'REQUEST_CHANGES', actor: reviewer, message: 'Bitte ergänzen.', dueDate: '2028-02-29' },
        'changes_requested',
      );
    });
  });

  describe('RETURN_TO_REVIEW and ISSUE (four-eyes)', () => {
    it.each(['', '  ', '\t\n'])('when the return message is blank (%j), then RETURN_TO_REVIEW is refused', (message) => {
      expectRefused(persisted('awaiting_approval'), { type: 'RETURN_TO_REVIEW', actor: head, message });
    });

    it('when the return message is missing, then RETURN_TO_REVIEW is refused', () => {
      expectRefused(persisted('awaiting_approval'), malformed({ type: 'RETURN_TO_REVIEW', actor: head }));
    });

    it('when a head drafted the statement (reviewer is someone else), then that head may not ISSUE or RETURN_TO_REVIEW', () => {
      const from = persisted('awaiting_approval', { reviewerId: REVIEWER, draft: { position: 'supportive', by: head.id } });
      expectRefused(from, validEvent('ISSUE', head));
      expectRefused(from, validEvent('RETURN_TO_REVIEW', head));
      expect(allowedStatementEvents(from, head)).toEqual([]);
    });

    it('when a head drafted the statement, then a different head may ISSUE it', () => {
      const otherHead: WorkflowActor = { id: 'user-head-2', role: 'head', organisationId: null };
      const from = persisted('awaiting_approval', { reviewerId: REVIEWER, draft: { position: 'supportive', by: head.id } });
      expectAllowed(from, validEvent('ISSUE', otherHead), 'issued');
    });

    it('when the head is the reviewer, then ISSUE and RETURN_TO_REVIEW are refused even if someone else is recorded as drafter', () => {
      const from = persisted('awaiting_approval', { draft: { position: 'supportive', by: 'user-somebody-else' } });
      expectRefused(from, validEvent('ISSUE', actorOf('headReviewer')));
      expectRefused(from, validEvent('RETURN_TO_REVIEW', actorOf('headReviewer')));
    });

    it('when a coordinator who neither reviewed nor drafted issues, then it is refused (role head required)', () => {
      expectRefused(persisted('awaiting_approval'), validEvent('ISSUE', actorOf('coordinatorOther')));
      expectRefused(persisted('awaiting_approval'), validEvent('RETURN_TO_REVIEW', actorOf('coordinatorOther')));
    });
  });

  describe('malformed events', () => {
    const bad: Array<[string, unknown]> = [
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['a string', 'WITHDRAW'],
      ['an empty object', {}],
      ['an event without a type', { actor: applicant }],
      ['an event with a numeric type', { type: 7, actor: applicant }],
      ['an unknown event type', { type: 'ARCHIVE', actor: applicant }],
      ['an xstate internal event', { type: 'xstate.init', actor: applicant }],
      ['a prototype key as type', { type: '__proto__', actor: applicant }],
      ['WITHDRAW with a null actor', { type: 'WITHDRAW', actor: null }],
      ['WITHDRAW without an actor', { type: 'WITHDRAW' }],
      ['WITHDRAW with an actor without id', { type: 'WITHDRAW', actor: { role: 'applicant', organisationId: ORG } }],
      ['WITHDRAW with an actor with empty id', { type: 'WITHDRAW', actor: { id: '', role: 'applicant', organisationId: ORG } }],
      ['WITHDRAW with an unknown role', { type: 'WITHDRAW', actor: { id: 'x', role: 'superuser', organisationId: ORG } }],
      ['WITHDRAW with organisationId undefined', { type: 'WITHDRAW', actor: { id: 'x', role: 'applicant' } }],
      ['START_REVIEW with a null actor', { type: 'START_REVIEW', actor: null }],
      ['ISSUE with a null actor', { type: 'ISSUE', actor: null }],
      ['ISSUE with a string actor', { type: 'ISSUE', actor: 'user-head' }],
      ['SUBMIT with only an actor', { type: 'SUBMIT', actor: applicant }],
      ['RESUBMIT with only an actor', { type: 'RESUBMIT', actor: applicant }],
      ['REQUEST_CHANGES with only an actor', { type: 'REQUEST_CHANGES', actor: reviewer }],
      ['DRAFT_STATEMENT with only an actor', { type: 'DRAFT_STATEMENT', actor: reviewer }],
      ['RETURN_TO_REVIEW with only an actor', { type: 'RETURN_TO_REVIEW', actor: head }],
    ];
    const cases: Array<[string, StatementState, unknown]> = [];
    for (const state of STATES) {
      for (const [label, event] of bad) cases.push([`when ${label} is sent in ${state}, then it is refused without throwing`, state, event]);
    }

    it.each(cases)('%s', (_name, state, event) => {
      let result: ReturnType<typeof decideStatement> | undefined;
      expect(() => {
        result = decideStatement(persisted(state), malformed(event));
      }).not.toThrow();
      expect(result).toEqual({ ok: false });
    });

    it.each(STATES)('when every event from every actor and every malformed event is decided in %s, then the input is not mutated', (state) => {
      const from = deepFreeze(persisted(state));
      const copy = JSON.parse(JSON.stringify(from)) as PersistedStatement;
      for (const type of EVENT_TYPES) {
        for (const key of ACTOR_KEYS) decideStatement(from, deepFreeze(validEvent(type, actorOf(key))));
      }
      for (const [, event] of bad) decideStatement(from, malformed(event));
      expect(from).toEqual(copy);
    });

    it('when the stored state is unknown, then decide throws (the stored snapshot, not the event, is corrupt)', () => {
      const corrupt = { value: 'archived', context: contextFor('draft') } as unknown as PersistedStatement;
      expect(() => decideStatement(corrupt, validEvent('WITHDRAW', applicant))).toThrow(/unknown statement state/);
    });
  });
});

describe('statement machine: restore and serialise', () => {
  it('when a case walks through the whole workflow with JSON between every step, then each step is exact', () => {
    const steps: Array<[StatementEvent, StatementState, StatementContext, StatementEffect[]]> = [
      [validEvent('SUBMIT', applicant), 'submitted', { organisationId: ORG, reviewerId: null, draft: null }, ['email:coordinators']],
      [validEvent('START_REVIEW', reviewer), 'in_review', { organisationId: ORG, reviewerId: REVIEWER, draft: null }, []],
      [
        validEvent('REQUEST_CHANGES', reviewer),
        'changes_requested',
        { organisationId: ORG, reviewerId: REVIEWER, draft: null },
        ['notice:request_for_changes', 'email:organisation'],
      ],
      [validEvent('RESUBMIT', applicant), 'in_review', { organisationId: ORG, reviewerId: REVIEWER, draft: null }, []],
      [
        { type: 'DRAFT_STATEMENT', actor: reviewer, position: 'not_supportive', text: 'Eigenanteil nicht gesichert.' },
        'awaiting_approval',
        { organisationId: ORG, reviewerId: REVIEWER, draft: { position: 'not_supportive', by: REVIEWER } },
        [],
      ],
      [validEvent('RETURN_TO_REVIEW', head), 'in_review', { organisationId: ORG, reviewerId: REVIEWER, draft: null }, []],
      [
        { type: 'DRAFT_STATEMENT', actor: reviewer, position: 'conditional', text: 'Befürwortet unter Auflagen.' },
        'awaiting_approval',
        { organisationId: ORG, reviewerId: REVIEWER, draft: { position: 'conditional', by: REVIEWER } },
        [],
      ],
      [
        validEvent('ISSUE', head),
        'issued',
        { organisationId: ORG, reviewerId: REVIEWER, draft: { position: 'conditional', by: REVIEWER } },
        ['notice:statement', 'email:organisation'],
      ],
    ];
    let stored = JSON.stringify(initialStatementSnapshot(ORG));
    for (const [event, to, context, effects] of steps) {
      const current = JSON.parse(stored) as PersistedStatement;
      const result = expectAllowed(current, JSON.parse(JSON.stringify(event)) as StatementEvent, to);
      expect(result.next).toEqual({ value: to, context });
      expect(result.effects).toEqual(effects);
      stored = JSON.stringify(result.next);
      expect(JSON.parse(stored)).toEqual(result.next);
      const restored = statementMachine.resolveState(JSON.parse(stored) as PersistedStatement);
      expect(restored.value).toBe(to);
      expect(restored.context).toEqual(context);
    }
    expect(JSON.parse(stored)).toEqual({
      value: 'issued',
      context: { organisationId: ORG, reviewerId: REVIEWER, draft: { position: 'conditional', by: REVIEWER } },
    });
  });

  it('when a final state is restored, then the snapshot is done and accepts nothing', () => {
    for (const state of ['issued', 'withdrawn'] as const) {
      const snapshot = statementMachine.resolveState(persisted(state));
      expect(snapshot.status).toBe('done');
      expect(snapshot.can(validEvent('WITHDRAW', applicant))).toBe(false);
    }
  });

  it('when a non-final state is restored, then the snapshot is active', () => {
    for (const state of ['draft', 'submitted', 'in_review', 'changes_requested', 'awaiting_approval'] as const) {
      expect(statementMachine.resolveState(persisted(state)).status).toBe('active');
    }
  });
});

describe('statement machine: allowedStatementEvents', () => {
  it('when the written-out lists are compared with the SPEC table, then they agree (fixture consistency)', () => {
    for (const state of STATES) {
      for (const key of ACTOR_KEYS) {
        expect([state, key, ALLOWED_LISTS[state][key]]).toEqual([
          state,
          key,
          EVENT_TYPES.filter((type) => SPEC[state][type]?.actors.includes(key) ?? false),
        ]);
      }
    }
  });

  const cases: Array<[string, StatementState, ActorKey, EventType[]]> = [];
  for (const state of STATES) {
    for (const key of ACTOR_KEYS) {
      const expected = ALLOWED_LISTS[state][key];
      const list = expected.length ? expected.join(', ') : 'nothing';
      cases.push([`when ${ACTORS[key].label} looks at a statement in ${state}, then they may send ${list}`, state, key, expected]);
    }
  }

  it.each(cases)('%s', (_name, state, key, expected) => {
    expect(allowedStatementEvents(persisted(state), actorOf(key))).toEqual(expected);
  });

  it('when the actor is malformed, then nothing is offered', () => {
    expect(allowedStatementEvents(persisted('draft'), {} as unknown as WorkflowActor)).toEqual([]);
    expect(allowedStatementEvents(persisted('draft'), null as unknown as WorkflowActor)).toEqual([]);
  });

  it('when allowed events are listed, then the input is not mutated', () => {
    const from = deepFreeze(persisted('awaiting_approval'));
    expect(allowedStatementEvents(from, head)).toEqual(['RETURN_TO_REVIEW', 'ISSUE']);
    expect(from).toEqual(persisted('awaiting_approval'));
  });
});

describe('statement machine: migration', () => {
  it('when a version 1 state is migrated, then the very same snapshot is returned', () => {
    const stored = persisted('awaiting_approval');
    expect(migrateStatementSnapshot(stored, 1)).toBe(stored);
    expect(stored).toEqual(persisted('awaiting_approval'));
  });

  it.each([0, 2, -1, Number.NaN])('when the version is %p, then migration throws', (version) => {
    expect(() => migrateStatementSnapshot(persisted('draft'), version)).toThrow(/unknown statement machine version/);
  });
});
