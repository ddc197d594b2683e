import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { attachRequiredDocuments, buildDraftApplication, completeApplication, sendEvent } from '../../support/cases';

describe('an FRL application from draft to grant notice, through the API', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let head: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db, { name: 'Łódź-Brücke e.V.' });
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    applicant = await bearerToken(t.app, member.email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const get = (token: string, id: string) => request(t.app).get(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${token}`);

  it('when every role does its part, then the case reaches approved with a receipt, a request and a grant notice', async () => {
    const { title: _title, ...rest } = completeApplication;
    const draft = await buildDraftApplication(t, applicant, { ...rest, requestedAmount: '11000.00' });
    expect(draft).toMatchObject({ state: 'draft', version: 1, reference: 'FRL-2027-0001', allowedEvents: ['SUBMIT', 'WITHDRAW'] });

    const incomplete = await sendEvent(t, applicant, draft.id, { type: 'SUBMIT' });
    expect(incomplete.status).toBe(422);
    const paths = (incomplete.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'requestedAmount', 'attachments.cost_plan', 'attachments.statutes', 'attachments.tax_exemption']));

    const patched = await request(t.app)
      .patch(`/api/v1/applications/${draft.id}`)
      .set({ Authorization: `Bearer ${applicant}`, 'If-Match': '"1"' })
      .send({ title: completeApplication.title, requestedAmount: '10500.00' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, title: completeApplication.title, totals: { totalCost: '12000.00', requestedAmount: '10500.00', fundingGap: '10500.00' } });
    await attachRequiredDocuments(t, applicant, draft.id);
    // Each attachment is a change of the case too: three uploads make version 5.
    expect((await sendEvent(t, applicant, draft.id, { type: 'SUBMIT' }, { 'If-Match': '"2"' })).status).toBe(412);

    const submitted = await sendEvent(t, applicant, draft.id, { type: 'SUBMIT' }, { 'If-Match': '"5"' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toEqual({ state: 'submitted', version: 6, allowedEvents: ['WITHDRAW'] });

    expect((await sendEvent(t, coordinator, draft.id, { type: 'START_REVIEW' })).body.state).toBe('in_review');
    const requested = await sendEvent(t, coordinator, draft.id, { type: 'REQUEST_CHANGES', message: 'Bitte reichen Sie die Satzung in der aktuellen Fassung nach.', dueDate: '2026-12-15' });
    expect(requested.body.state).toBe('changes_requested');
    const seen = await get(applicant, draft.id);
    expect(seen.body.changeRequest).toEqual({ message: 'Bitte reichen Sie die Satzung in der aktuellen Fassung nach.', dueDate: '2026-12-15' });
    expect(seen.body.allowedEvents).toEqual(['RESUBMIT', 'WITHDRAW']);

    expect((await sendEvent(t, applicant, draft.id, { type: 'RESUBMIT' })).body.state).toBe('in_review');
    const recommended = await sendEvent(t, coordinator, draft.id, { type: 'RECOMMEND', recommendation: 'approve', amount: '9000.00', rationale: 'Guter Sozialraumbezug; Sachkosten zu hoch angesetzt.' });
    expect(recommended.body.state).toBe('awaiting_decision');
    expect((await get(coordinator, draft.id)).body.recommendation).toEqual({ recommendation: 'approve', amount: '9000.00', rationale: 'Guter Sozialraumbezug; Sachkosten zu hoch angesetzt.' });
    expect((await get(applicant, draft.id)).body.recommendation).toBeNull();
    const approved = await sendEvent(t, head, draft.id, { type: 'APPROVE', amount: '9000.00', rationale: 'Sachkosten nur zum Teil förderfähig.', conditions: 'Öffentlichkeitsarbeit nennt die Förderung.' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');

    expect(await t.app.services.jobs.drain()).toBe(6);
    const final = await get(applicant, draft.id);
    expect(final.body.decision).toMatchObject({ outcome: 'approved', amount: '9000.00', rationale: 'Sachkosten nur zum Teil förderfähig.' });
    expect(final.body.notices.map((n: { kind: string }) => n.kind)).toEqual(['receipt', 'request_for_changes', 'grant']);
    expect(final.body.history.map((h: { event: string }) => h.event)).toEqual(
      expect.arrayContaining(['CREATE', 'UPDATE', 'ATTACH', 'SUBMIT', 'START_REVIEW', 'REQUEST_CHANGES', 'RESUBMIT', 'RECOMMEND', 'APPROVE']),
    );

    const grant = final.body.notices[2] as { id: string; sha256: string };
    const pdf = await request(t.app).get(`/api/v1/notices/${grant.id}`).set('Authorization', `Bearer ${applicant}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.body as Buffer).digest('hex')).toBe(grant.sha256);
  });

  it('when the list is requested, then applicants see their cases and filters apply', async () => {
    const list = await request(t.app).get('/api/v1/applications?state=approved&pageSize=5').set('Authorization', `Bearer ${coordinator}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 5, total: 1 });
    expect(list.body.items[0]).toMatchObject({ reference: 'FRL-2027-0001', state: 'approved', organisation: { name: 'Łódź-Brücke e.V.' } });
    const search = await request(t.app).get('/api/v1/applications?q=frl-2027-0001').set('Authorization', `Bearer ${applicant}`);
    expect(search.body.total).toBe(1);
    const bad = await request(t.app).get('/api/v1/applications?pageSize=1000').set('Authorization', `Bearer ${applicant}`);
    expect(bad.status).toBe(422);
  });
});
