import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildPendingOrganisation, buildUser, PASSWORD } from '../../support/factories';
import {
  PDF_BYTES,
  buildApplicationAwaitingDecision,
  buildApplicationInReview,
  buildDraftApplication,
  buildSubmittedApplication,
  completeApplication,
  sendEvent,
} from '../../support/cases';
import { MAX_FILE_BYTES } from '../../../src/documents/upload';

describe('application API refusals', () => {
  let t: TestApp;
  let applicant: string;
  let otherApplicant: string;
  let coordinator: string;
  let otherCoordinator: string;
  let head: string;
  let headTwo: string;

  beforeAll(async () => {
    t = await createTestApp();
    const token = async (role: Parameters<typeof buildUser>[1], organisationId?: string) =>
      bearerToken(t.app, (await buildUser(t.db, role, { organisationId })).email, PASSWORD);
    applicant = await token('applicant', (await buildApprovedOrganisation(t.db)).id);
    otherApplicant = await token('applicant', (await buildApprovedOrganisation(t.db)).id);
    coordinator = await token('coordinator');
    otherCoordinator = await token('coordinator');
    head = await token('head');
    headTwo = await token('head');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('when nobody is signed in, then every application route is 401', async () => {
    expect((await request(t.app).get('/api/v1/applications')).status).toBe(401);
    expect((await request(t.app).post('/api/v1/applications').send({})).status).toBe(401);
    expect((await request(t.app).post('/api/v1/applications/x/events').send({ type: 'SUBMIT' })).status).toBe(401);
  });

  it('when staff try to create an application, then 403', async () => {
    expect((await request(t.app).post('/api/v1/applications').set(auth(coordinator)).send({})).status).toBe(403);
  });

  it('when another organisation asks for a case, then 404 for reading, writing and its files', async () => {
    const draft = await buildDraftApplication(t, applicant);
    expect((await request(t.app).get(`/api/v1/applications/${draft.id}`).set(auth(otherApplicant))).status).toBe(404);
    expect((await request(t.app).patch(`/api/v1/applications/${draft.id}`).set(auth(otherApplicant)).send({ title: 'x' })).status).toBe(404);
    expect((await sendEvent(t, otherApplicant, draft.id, { type: 'WITHDRAW' })).status).toBe(404);
    const list = await request(t.app).get('/api/v1/applications').set(auth(otherApplicant));
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
  });

  it('when an event comes from the wrong role, then 403; when the workflow does not allow it now, then 409', async () => {
    const submitted = await buildSubmittedApplication(t, applicant);
    expect((await sendEvent(t, head, submitted.id, { type: 'START_REVIEW' })).status).toBe(403);
    expect((await sendEvent(t, coordinator, submitted.id, { type: 'SUBMIT' })).status).toBe(403);
    expect((await sendEvent(t, applicant, submitted.id, { type: 'SUBMIT' })).status).toBe(409);
    const draft = await buildDraftApplication(t, applicant);
    const unknown = await sendEvent(t, applicant, draft.id, { type: 'DANCE' });
    expect(unknown.status).toBe(422);
    expect((await sendEvent(t, applicant, draft.id, {})).status).toBe(422);
  });

  it('when staff look for a draft, then it does not exist for them until it is submitted', async () => {
    const draft = await buildDraftApplication(t, applicant);
    expect((await request(t.app).get(`/api/v1/applications/${draft.id}`).set(auth(coordinator))).status).toBe(404);
    expect((await sendEvent(t, coordinator, draft.id, { type: 'START_REVIEW' })).status).toBe(404);
  });

  it('when someone other than the reviewer requests changes, then 403', async () => {
    const app = await buildApplicationInReview(t, applicant, coordinator);
    const res = await sendEvent(t, otherCoordinator, app.id, { type: 'REQUEST_CHANGES', message: 'x', dueDate: '2026-12-15' });
    expect(res.status).toBe(403);
  });

  it('when the reviewer is also a head, then that head may not decide (four-eyes)', async () => {
    const reviewerHead = await buildUser(t.db, 'head');
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    await t.db.case.update({ where: { id: app.id }, data: { reviewerId: reviewerHead.id } });
    const token = await bearerToken(t.app, reviewerHead.email, PASSWORD);
    expect((await sendEvent(t, token, app.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(403);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('awaiting_decision');
  });

  it('when the payload is invalid, then 422 naming the field and nothing changes', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const before = await t.db.case.findUniqueOrThrow({ where: { id: app.id } });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'APPROVE', amount: '10500,00' }, 'amount'],
      [{ type: 'APPROVE', amount: 10500 }, 'amount'],
      [{ type: 'APPROVE', amount: '20000.00' }, 'amount'],
      [{ type: 'APPROVE', amount: '5000.00' }, 'rationale'],
      [{ type: 'REJECT', rationale: '' }, 'rationale'],
    ];
    for (const [body, path] of cases) {
      const res = await sendEvent(t, head, app.id, body);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).toEqual(before);
  });

  it('when a request for changes has a due date in the past, then 422', async () => {
    const app = await buildApplicationInReview(t, applicant, coordinator);
    const res = await sendEvent(t, coordinator, app.id, { type: 'REQUEST_CHANGES', message: 'Bitte ergänzen.', dueDate: '2026-11-01' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('dueDate');
  });

  it('when If-Match is stale, then 412 and nothing changes; a malformed one is 400', async () => {
    const draft = await buildDraftApplication(t, applicant);
    const stale = await request(t.app).patch(`/api/v1/applications/${draft.id}`).set({ ...auth(applicant), 'If-Match': '"7"' }).send({ title: 'Neu' });
    expect(stale.status).toBe(412);
    expect((await sendEvent(t, applicant, draft.id, { type: 'WITHDRAW' }, { 'If-Match': '"9"' })).status).toBe(412);
    expect((await request(t.app).patch(`/api/v1/applications/${draft.id}`).set({ ...auth(applicant), 'If-Match': 'abc' }).send({})).status).toBe(400);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(completeApplication.title);
  });

  it('when a submitted application is edited, then 409', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    const res = await request(t.app).patch(`/api/v1/applications/${app.id}`).set(auth(applicant)).send({ title: 'Neu' });
    expect(res.status).toBe(409);
  });

  it('when draft fields are invalid, then 422 lists each one', async () => {
    const res = await request(t.app)
      .post('/api/v1/applications')
      .set(auth(applicant))
      .send({ periodStart: '2027-02-30', financingType: 'gift', costItems: [{ category: 'x', description: '', amount: '1.234' }], district: 'Atlantis', unknownField: 1 });
    expect(res.status).toBe(422);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['periodStart', 'financingType', 'costItems.0.category', 'costItems.0.description', 'costItems.0.amount']));
    const district = await request(t.app).post('/api/v1/applications').set(auth(applicant)).send({ district: 'Atlantis' });
    expect(district.status).toBe(422);
    expect(district.body.errors[0].path).toBe('district');
  });

  it('when an amount or the total of the cost items is above 20 million euros, then 422 names it and nothing is stored', async () => {
    const big = await request(t.app).post('/api/v1/applications').set(auth(applicant)).send({ title: 'Großprojekt', requestedAmount: '30000000.00' });
    expect(big.status).toBe(422);
    expect(big.body.errors).toEqual([expect.objectContaining({ path: 'requestedAmount', message: expect.stringContaining('20.000.000,00\u00a0€') })]);
    const items = Array.from({ length: 3 }, (_, i) => ({ category: 'material', description: `Posten ${i + 1}`, amount: '15000000.00' }));
    const sum = await request(t.app).post('/api/v1/applications').set(auth(applicant)).send({ title: 'Großprojekt', costItems: items });
    expect(sum.status).toBe(422);
    expect(sum.body.errors).toEqual([expect.objectContaining({ path: 'costItems', message: expect.stringContaining('20.000.000,00\u00a0€') })]);
    expect(await t.db.case.count({ where: { title: 'Großprojekt' } })).toBe(0);
    const draft = await buildDraftApplication(t, applicant);
    const patched = await request(t.app).patch(`/api/v1/applications/${draft.id}`).set(auth(applicant)).send({ costItems: items });
    expect(patched.status).toBe(422);
    expect((await request(t.app).get(`/api/v1/applications/${draft.id}`).set(auth(applicant))).body.totals.totalCost).not.toBe('45000000.00');
  });

  it('when the head approves more than 20 million euros, then 422 and the case stays undecided', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const res = await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '21474836.48' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'amount', message: expect.stringContaining('höchstens 20.000.000,00\u00a0€') })]);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('awaiting_decision');
  });

  it('when the organisation is not yet approved, then submitting is 403 with a clear message', async () => {
    const org = await buildPendingOrganisation(t.db);
    const token = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
    const draft = await buildDraftApplication(t, token);
    const res = await sendEvent(t, token, draft.id, { type: 'SUBMIT' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('noch nicht freigegeben');
  });

  it('when a file is not an allowed type, then 415 and nothing is stored', async () => {
    const draft = await buildDraftApplication(t, applicant);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const res = await request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'other').attach('file', exe, { filename: 'satzung.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(415);
    expect(await t.db.attachment.count({ where: { caseId: draft.id } })).toBe(0);
  });

  it('when a file is larger than 20 MiB, then 413 and nothing is stored', async () => {
    const draft = await buildDraftApplication(t, applicant);
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_FILE_BYTES)]);
    const res = await request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'other').attach('file', big, 'gross.pdf');
    expect(res.status).toBe(413);
    expect(await t.db.attachment.count({ where: { caseId: draft.id } })).toBe(0);
  });

  it('when a file has a UTF-8 name, then it is kept for display and served as a download with nosniff', async () => {
    const draft = await buildDraftApplication(t, applicant);
    const up = await request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'concept').attach('file', PDF_BYTES, '../../Konzept Łódź-Brücke.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'Konzept Łódź-Brücke.pdf', mediaType: 'application/pdf', size: PDF_BYTES.length });
    const down = await request(t.app).get(`/api/v1/applications/${draft.id}/attachments/${up.body.id}`).set(auth(applicant));
    expect(down.status).toBe(200);
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''Konzept%20%C5%81%C3%B3d%C5%BA-Br%C3%BCcke.pdf");
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(t.app).get(`/api/v1/applications/${draft.id}/attachments/${up.body.id}`).set(auth(otherApplicant))).status).toBe(404);
    const del = await request(t.app).delete(`/api/v1/applications/${draft.id}/attachments/${up.body.id}`).set(auth(applicant));
    expect(del.status).toBe(204);
  });

  it('when two heads decide at the same moment, then exactly one wins and the other gets 409', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const [a, b] = await Promise.all([
      sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00' }),
      sendEvent(t, headTwo, app.id, { type: 'REJECT', rationale: 'Haushaltsmittel erschöpft.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decisions = await t.db.auditEvent.count({ where: { subjectId: app.id, action: { in: ['APPROVE', 'REJECT'] } } });
    expect(decisions).toBe(1);
    expect(await t.db.outboxJob.count({ where: { payload: { contains: app.id }, kind: 'notice' } })).toBe(2);
  });

  it('when the same draft is submitted twice at once, then one submission and one receipt job', async () => {
    const draft = await buildDraftApplication(t, applicant);
    for (const kind of ['cost_plan', 'statutes', 'tax_exemption']) {
      await request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', kind).attach('file', PDF_BYTES, 'a.pdf');
    }
    const results = await Promise.all([1, 2, 3].map(() => sendEvent(t, applicant, draft.id, { type: 'SUBMIT' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await t.db.auditEvent.count({ where: { subjectId: draft.id, action: 'SUBMIT' } })).toBe(1);
  });
});
