import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { attachRequiredDocuments, buildApplicationAwaitingDecision, buildDraftApplication, completeApplication, sendEvent } from '../../support/cases';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** German amounts carry a no-break space before the euro sign. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('funding rounds and the budget', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let head: string;
  let headTwo: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    const token = async (role: Parameters<typeof buildUser>[1], organisationId?: string) =>
      bearerToken(t.app, (await buildUser(t.db, role, { organisationId })).email, PASSWORD);
    applicant = await token('applicant', (await buildApprovedOrganisation(t.db)).id);
    coordinator = await token('coordinator');
    head = await token('head');
    headTwo = await token('head');
    admin = await token('admin');
  });
  afterAll(() => t.close());

  const createRound = async (body: Record<string, unknown>) => {
    const res = await request(t.app).post('/api/v1/rounds').set(auth(admin)).send({ programme: 'FRL_SOZIALES', latePolicy: 'refuse', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const roundOf = async (id: string) => (await request(t.app).get(`/api/v1/rounds/${id}`).set(auth(head))).body as Record<string, unknown>;
  const submitDraft = async (body: Record<string, unknown> = completeApplication) => {
    const draft = await buildDraftApplication(t, applicant, body);
    await attachRequiredDocuments(t, applicant, draft.id);
    return { draft, res: await sendEvent(t, applicant, draft.id, { type: 'SUBMIT' }) };
  };
  /** Moves every round's deadline out of the way, so the next test's rounds decide alone. */
  const closeAllRounds = () => t.db.fundingRound.updateMany({ data: { deadline: '2000-01-01' } });

  it('when an admin opens a round, then the API reports its budget figures as the contract says', async () => {
    const round = await createRound({ year: 2031, deadline: '2030-09-30', budget: '35000.00', committee: false });
    expect(await roundOf(round.id)).toEqual({
      id: round.id,
      programme: 'FRL_SOZIALES',
      year: 2031,
      deadline: '2030-09-30',
      latePolicy: 'refuse',
      committee: false,
      budget: '35000.00',
      committed: '0.00',
      recommended: '0.00',
      remaining: '35000.00',
    });
    const again = await request(t.app).post('/api/v1/rounds').set(auth(admin)).send({ programme: 'FRL_SOZIALES', year: 2031, deadline: '2030-09-30', budget: '1.00' });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ path: 'year', message: 'Für dieses Programm gibt es schon eine Förderrunde 2031.' }]);
    const contradicting = await request(t.app).post('/api/v1/rounds').set(auth(admin)).send({ programme: 'FRL_SOZIALES', year: 2032, deadline: '2031-09-30', budget: '1.00', committee: true });
    expect(contradicting.status).toBe(422);
    expect(contradicting.body.errors[0].path).toBe('committee');
  });

  it('when an application names no round, then submission puts it into the round with the next open deadline', async () => {
    await closeAllRounds();
    const later = await createRound({ year: 2029, deadline: '2027-09-30', budget: '10000.00' });
    const next = await createRound({ year: 2028, deadline: '2026-11-30', budget: '10000.00' });
    const { draft, res } = await submitDraft();
    expect(res.status).toBe(200);
    const body = (await request(t.app).get(`/api/v1/applications/${draft.id}`).set(auth(applicant))).body;
    expect({ roundId: body.roundId, late: body.late }).toEqual({ roundId: next.id, late: false });
    expect(body.roundId).not.toBe(later.id);
  });

  it('when an application chooses a round, then it joins that round', async () => {
    await closeAllRounds();
    const chosen = await createRound({ year: 2033, deadline: '2027-09-30', budget: '10000.00' });
    const { draft, res } = await submitDraft({ ...completeApplication, roundId: chosen.id });
    expect(res.status).toBe(200);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: draft.id } })).roundId).toBe(chosen.id);
    const unknown = await request(t.app).post('/api/v1/applications').set(auth(applicant)).send({ title: 'x', roundId: 'gibt-es-nicht' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'roundId', message: 'Bitte wählen Sie eine Förderrunde aus der Liste.' }]);
  });

  it('when the round refuses late applications and its deadline has passed, then SUBMIT is a 409 and nothing changes', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2034, deadline: '2026-11-21', budget: '10000.00', latePolicy: 'refuse' });
    const { draft, res } = await submitDraft({ ...completeApplication, roundId: round.id });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe('/problems/application-late');
    expect(res.body.detail).toBe(
      'Die Antragsfrist der Förderrunde 2034 endete am 21.11.2026. Diese Runde nimmt verspätete Anträge nicht an. Wählen Sie im Antrag eine noch offene Förderrunde oder wenden Sie sich an die Quartiersplanungskoordination.',
    );
    const row = await t.db.case.findUniqueOrThrow({ where: { id: draft.id } });
    expect({ state: row.state, submittedAt: row.submittedAt, version: row.version }).toEqual({ state: 'draft', submittedAt: null, version: draft.version + 3 });
    expect(await t.db.outboxJob.count({ where: { payload: { contains: draft.id } } })).toBe(0);
  });

  it('when the deadline day itself is today, then the application is on time', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2035, deadline: '2026-11-22', budget: '10000.00', latePolicy: 'refuse' });
    const { draft, res } = await submitDraft({ ...completeApplication, roundId: round.id });
    expect(res.status).toBe(200);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: draft.id } })).late).toBe(false);
  });

  it('when the round flags late applications, then SUBMIT succeeds and the case is marked late', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2036, deadline: '2026-10-31', budget: '10000.00', latePolicy: 'flag' });
    const { draft, res } = await submitDraft({ ...completeApplication, roundId: round.id });
    expect(res.status).toBe(200);
    const body = (await request(t.app).get(`/api/v1/applications/${draft.id}`).set(auth(coordinator))).body;
    expect({ state: body.state, roundId: body.roundId, late: body.late }).toEqual({ state: 'submitted', roundId: round.id, late: true });
  });

  it('when an approval fits the budget, then it is committed with the decision; one beyond it is a 409 that commits nothing', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2037, deadline: '2026-12-31', budget: '15000.00' });
    const first = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const second = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect(await roundOf(round.id)).toMatchObject({ committed: '0.00', recommended: '21000.00', remaining: '15000.00' });

    expect((await sendEvent(t, head, first.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(200);
    expect(await roundOf(round.id)).toMatchObject({ committed: '10500.00', recommended: '10500.00', remaining: '4500.00' });

    const jobsBefore = await t.db.outboxJob.count();
    const refused = await sendEvent(t, head, second.id, { type: 'APPROVE', amount: '10500.00' });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/budget-exceeded');
    expect(plain(refused.body.detail)).toBe(
      'Die Bewilligung über 10.500,00 € übersteigt das verfügbare Budget der Förderrunde 2037: Es sind nur noch 4.500,00 € von 15.000,00 € frei. Es wurde nichts bewilligt. Bewilligen Sie einen geringeren Betrag oder lehnen Sie den Antrag wegen erschöpfter Haushaltsmittel ab.',
    );
    expect((await t.db.case.findUniqueOrThrow({ where: { id: second.id } })).state).toBe('awaiting_decision');
    expect(await t.db.outboxJob.count()).toBe(jobsBefore);
    expect(await roundOf(round.id)).toMatchObject({ committed: '10500.00', remaining: '4500.00' });

    // A partial approval within what is left goes through and uses the budget up exactly.
    expect((await sendEvent(t, headTwo, second.id, { type: 'APPROVE', amount: '4500.00', rationale: 'Nur noch 4.500,00 € Haushaltsmittel verfügbar.' })).status).toBe(200);
    expect(await roundOf(round.id)).toMatchObject({ committed: '15000.00', recommended: '0.00', remaining: '0.00' });
  });

  it('when two heads approve in parallel near the limit, then exactly one wins and the committed sum never exceeds the budget', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2038, deadline: '2026-12-31', budget: '15000.00' });
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await buildApplicationAwaitingDecision(t, applicant, coordinator));
    const results = await Promise.all(cases.map((c, i) => sendEvent(t, i % 2 === 0 ? head : headTwo, c.id, { type: 'APPROVE', amount: '10500.00' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.type).toBe('/problems/budget-exceeded');
    const stored = await t.db.fundingRound.findUniqueOrThrow({ where: { id: round.id } });
    const approved = await t.db.case.aggregate({ where: { roundId: round.id, state: 'approved' }, _sum: { approvedCents: true }, _count: true });
    expect({ committed: stored.committedCents, approvedSum: approved._sum.approvedCents, approvedCount: approved._count }).toEqual({ committed: 1_050_000, approvedSum: 1_050_000, approvedCount: 1 });
  });

  it('when many partial approvals race for the rest of a budget, then as many win as fit and committed equals the approved sum', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2039, deadline: '2026-12-31', budget: '20000.00' });
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await buildApplicationAwaitingDecision(t, applicant, coordinator));
    const results = await Promise.all(
      cases.map((c, i) => sendEvent(t, i % 2 === 0 ? head : headTwo, c.id, { type: 'APPROVE', amount: '7000.00', rationale: 'Teilbewilligung im Rahmen der Haushaltsmittel.' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    const stored = await t.db.fundingRound.findUniqueOrThrow({ where: { id: round.id } });
    const approved = await t.db.case.aggregate({ where: { roundId: round.id, state: 'approved' }, _sum: { approvedCents: true } });
    expect(stored.committedCents).toBe(1_400_000);
    expect(approved._sum.approvedCents).toBe(1_400_000);
    expect(stored.committedCents).toBeLessThanOrEqual(stored.budgetCents);
  });

  it('when an admin lowers a budget below what is committed, then 422; above it, the new budget holds', async () => {
    const round = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2039 } });
    const below = await request(t.app).patch(`/api/v1/rounds/${round.id}`).set(auth(admin)).send({ budget: '10000.00' });
    expect(below.status).toBe(422);
    expect(below.body.errors.map((e: { path: string; message: string }) => ({ ...e, message: plain(e.message) }))).toEqual([{ path: 'budget', message: 'Das Budget darf nicht unter den bereits bewilligten 14.000,00 € liegen.' }]);
    const raised = await request(t.app).patch(`/api/v1/rounds/${round.id}`).set(auth(admin)).send({ budget: '25000.00', latePolicy: 'flag' });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ budget: '25000.00', committed: '14000.00', remaining: '11000.00', latePolicy: 'flag' });
  });

  it('when a rejection is decided, then the budget is untouched', async () => {
    await closeAllRounds();
    const round = await createRound({ year: 2040, deadline: '2026-12-31', budget: '5000.00' });
    const c = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, head, c.id, { type: 'REJECT', rationale: 'Die Haushaltsmittel der Runde reichen nicht aus.' })).status).toBe(200);
    expect(await roundOf(round.id)).toMatchObject({ committed: '0.00', remaining: '5000.00' });
  });
});
