import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { PDF_BYTES, buildApplicationAwaitingDecision, buildApplicationInReview, buildDraftApplication, buildSubmittedApplication, sendEvent } from '../../support/cases';
import { MAX_FILES_PER_CASE } from '../../../src/documents/upload';

describe('comments, notices and the rest of the workflow', () => {
  let t: TestApp;
  let applicant: string;
  let stranger: string;
  let coordinator: string;
  let head: string;

  beforeAll(async () => {
    t = await createTestApp();
    const token = async (role: Parameters<typeof buildUser>[1], organisationId?: string) => bearerToken(t.app, (await buildUser(t.db, role, { organisationId })).email, PASSWORD);
    applicant = await token('applicant', (await buildApprovedOrganisation(t.db)).id);
    stranger = await token('applicant', (await buildApprovedOrganisation(t.db)).id);
    coordinator = await token('coordinator');
    head = await token('head');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('when staff write internal and shared comments, then the provider reads only the shared ones', async () => {
    const app = await buildApplicationInReview(t, applicant, coordinator);
    const internal = await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(coordinator)).send({ body: 'Träger ist bekannt zuverlässig.', visibility: 'internal' });
    expect(internal.status).toBe(201);
    const shared = await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(coordinator)).send({ body: 'Bitte Kontakt aufnehmen.', visibility: 'shared' });
    expect(shared.status).toBe(201);
    const reply = await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(applicant)).send({ body: 'Gern, wir melden uns.' });
    expect(reply.status).toBe(201);
    expect(reply.body.visibility).toBe('shared');
    const forbidden = await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(applicant)).send({ body: 'x', visibility: 'internal' });
    expect(forbidden.status).toBe(403);

    const providerView = await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(applicant));
    expect(providerView.body.comments.map((c: { body: string }) => c.body)).toEqual(['Bitte Kontakt aufnehmen.', 'Gern, wir melden uns.']);
    expect(JSON.stringify(providerView.body)).not.toContain('zuverlässig');
    const staffView = await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(head));
    expect(staffView.body.comments).toHaveLength(3);
    expect((await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(stranger)).send({ body: 'x' })).status).toBe(404);
    expect((await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(coordinator)).send({ body: '' })).status).toBe(422);
  });

  it('when a notice exists, then its organisation and staff can download it and other organisations cannot', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    await t.app.services.jobs.drain();
    const [notice] = (await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(applicant))).body.notices as { id: string }[];
    expect((await request(t.app).get(`/api/v1/notices/${notice!.id}`).set(auth(applicant))).status).toBe(200);
    expect((await request(t.app).get(`/api/v1/notices/${notice!.id}`).set(auth(coordinator))).status).toBe(200);
    expect((await request(t.app).get(`/api/v1/notices/${notice!.id}`).set(auth(stranger))).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/notices/${notice!.id}`)).status).toBe(401);
  });

  it('when the head returns a case to review, then the reviewer can recommend again', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const back = await sendEvent(t, head, app.id, { type: 'RETURN_TO_REVIEW', message: 'Bitte den Sozialraumbezug genauer prüfen.' });
    expect(back.body.state).toBe('in_review');
    const again = await sendEvent(t, coordinator, app.id, { type: 'RECOMMEND', recommendation: 'reject', rationale: 'Kein klarer Sozialraumbezug.' });
    expect(again.body.state).toBe('awaiting_decision');
    const view = await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(head));
    expect(view.body.recommendation).toMatchObject({ recommendation: 'reject', amount: null });
  });

  it('when the provider withdraws before a decision, then the case ends and cannot be decided', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, applicant, app.id, { type: 'WITHDRAW', reason: 'Projekt entfällt.' })).body.state).toBe('withdrawn');
    expect((await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(409);
  });

  it(`when a case already has ${MAX_FILES_PER_CASE} files, then the next upload is refused with 413`, async () => {
    const draft = await buildDraftApplication(t, applicant);
    for (let i = 0; i < MAX_FILES_PER_CASE; i += 1) {
      const res = await request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'other').attach('file', PDF_BYTES, `datei-${i}.pdf`);
      expect(res.status).toBe(201);
    }
    const extra = await request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'other').attach('file', PDF_BYTES, 'zu-viel.pdf');
    expect(extra.status).toBe(413);
    expect(await t.db.attachment.count({ where: { caseId: draft.id } })).toBe(MAX_FILES_PER_CASE);
  });

  it('when a submitted case is past editing, then attachments can neither be added nor deleted', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    const [first] = (await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(applicant))).body.attachments as { id: string }[];
    expect((await request(t.app).delete(`/api/v1/applications/${app.id}/attachments/${first!.id}`).set(auth(applicant))).status).toBe(409);
    const add = await request(t.app).post(`/api/v1/applications/${app.id}/attachments`).set(auth(applicant)).field('kind', 'other').attach('file', PDF_BYTES, 'spät.pdf');
    expect(add.status).toBe(409);
  });
});
