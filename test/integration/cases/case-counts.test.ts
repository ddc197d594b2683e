import request from 'supertest';
import { bearerToken, createTestApp, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, buildApplicationInReview, buildDraftApplication, buildSubmittedApplication, sendEvent } from '../../support/cases';
import { buildSubmittedStatementRequest, sendStatementEvent } from '../../support/statements';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import { recountCases } from '../../../src/cases/case-counts';

describe('totals of lists and inboxes come from counts kept with every change', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let head: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAuthorityProfile(t.db);
    const org = await buildApprovedOrganisation(t.db);
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const counts = async () =>
    (await t.db.caseCount.findMany({ where: { count: { not: 0 } }, orderBy: [{ kind: 'asc' }, { state: 'asc' }, { submitted: 'asc' }] })).map(
      ({ kind, state, submitted, count }) => ({ kind, state, submitted, count }),
    );
  const list = async (query: string) =>
    (await request(t.app).get(`/api/v1/applications${query}`).set('Authorization', `Bearer ${coordinator}`)).body as { total: number; items: unknown[] };

  it('when cases are created, submitted, decided and withdrawn, then the counts equal the rows and list totals match them', async () => {
    await buildDraftApplication(t, applicant);
    const withdrawnDraft = await buildDraftApplication(t, applicant);
    expect((await sendEvent(t, applicant, withdrawnDraft.id, { type: 'WITHDRAW' })).status).toBe(200);
    await buildSubmittedApplication(t, applicant);
    const withdrawnLater = await buildSubmittedApplication(t, applicant);
    expect((await sendEvent(t, applicant, withdrawnLater.id, { type: 'WITHDRAW' })).status).toBe(200);
    const decided = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, head, decided.id, { type: 'APPROVE', amount: '10500.00', rationale: 'Förderfähig.' })).status).toBe(200);
    await buildApplicationAwaitingDecision(t, applicant, coordinator);

    const kept = await counts();
    await t.db.$transaction((tx) => recountCases(tx));
    expect(await counts()).toEqual(kept);
    expect(kept).toEqual([
      { kind: 'application', state: 'approved', submitted: true, count: 1 },
      { kind: 'application', state: 'awaiting_decision', submitted: true, count: 1 },
      { kind: 'application', state: 'draft', submitted: false, count: 1 },
      { kind: 'application', state: 'submitted', submitted: true, count: 1 },
      { kind: 'application', state: 'withdrawn', submitted: false, count: 1 },
      { kind: 'application', state: 'withdrawn', submitted: true, count: 1 },
    ]);

    // Staff see submitted cases only: drafts and the draft withdrawn before submission are not theirs.
    expect((await list('')).total).toBe(4);
    expect((await list('?state=withdrawn')).total).toBe(1);
    expect((await list('?state=approved,awaiting_decision')).total).toBe(2);
    expect((await list('?q=Nachbarschaft')).total).toBe(4);
  });

  it('when a coordinator opens the inbox, then each group shows the number of its cases', async () => {
    const cookie = await signInCookie(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    const page = await request(t.app).get('/antraege?gruppe=entschieden').set('Cookie', cookie);
    expect(page.status).toBe(200);
    const text = page.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Entschieden\D{0,80}1\b/);
    expect(text).toMatch(/Zur Entscheidung\D{0,80}1\b/);
  });

  it("when coordinators review cases, then each one's own group counts only their applications in review", async () => {
    const mine = await buildUser(t.db, 'coordinator');
    const myToken = await bearerToken(t.app, mine.email, PASSWORD);
    const myCookie = await signInCookie(t.app, mine.email, PASSWORD);
    await buildApplicationInReview(t, applicant, myToken);
    await buildApplicationInReview(t, applicant, myToken);
    // Mine but past review, another coordinator's review, and a statement I review: none count.
    await buildApplicationAwaitingDecision(t, applicant, myToken);
    await buildApplicationInReview(t, applicant, coordinator);
    const statement = await buildSubmittedStatementRequest(t, applicant);
    expect((await sendStatementEvent(t, myToken, statement.id, { type: 'START_REVIEW' })).status).toBe(200);

    const text = (await request(t.app).get('/antraege').set('Cookie', myCookie)).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Von mir in Prüfung\D{0,80}\b2\b/);
    expect(text).toMatch(/Alle in Prüfung\D{0,80}\b3\b/);
  });
});
