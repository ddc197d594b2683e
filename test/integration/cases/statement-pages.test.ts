import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildSubmittedStatementRequest, buildStatementAwaitingApproval } from '../../support/statements';
import { buildSubmittedApplication } from '../../support/cases';

/** Every required part of a statement, as the editor's fields. */
const sections = { sectionNeed: 'Bedarf im Ortsteil belegt.', sectionPlanning: 'Passt zum Sozialplan.', sectionOffers: 'Keine Doppelung.', sectionCooperation: 'Mit dem Stadtteilzentrum.' };

describe('statement pages', () => {
  let t: TestApp;
  let applicantToken: string;
  let coordinatorToken: string;
  let applicantCookie: string;
  let coordinatorCookie: string;
  let headCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db);
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    applicantToken = await bearerToken(t.app, member.email, PASSWORD);
    applicantCookie = await signInCookie(t.app, member.email, PASSWORD);
    const coordinator = await buildUser(t.db, 'coordinator');
    coordinatorToken = await bearerToken(t.app, coordinator.email, PASSWORD);
    coordinatorCookie = await signInCookie(t.app, coordinator.email, PASSWORD);
    headCookie = await signInCookie(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const page = (cookie: string, path: string) => request(t.app).get(path).set('Cookie', cookie);
  const post = async (cookie: string, path: string, body: Record<string, unknown>, from: string) =>
    request(t.app).post(path).set('Cookie', cookie).type('form').send({ ...body, _csrf: csrfOf((await page(cookie, from)).text) });

  it('when a provider fills the request form, then the draft keeps German amounts as cents and a zero contribution', async () => {
    const res = await post(applicantCookie, '/stellungnahmen/neu', {
      title: 'Stadtteilmütter', funder: 'Stiftung', funderProgramme: 'Engagement', summary: 'Kurz.', district: 'rieth',
      totalCost: '20.000,00', requestedFromFunder: '15.000', municipalContribution: '0', funderDeadline: '2027-02-01',
    }, '/stellungnahmen/neu');
    expect(res.status).toBe(303);
    const id = /\/stellungnahmen\/(\w+)$/.exec(String(res.headers.location))![1]!;
    const row = await t.db.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: 'statement', totalCostCents: 2_000_000, requestedCents: 0, deadline: '2027-02-01' });
    const show = await page(applicantCookie, `/stellungnahmen/${id}`);
    expect(show.text).toContain('Anlage fehlt: Drittmittelantrag.');
  });

  it('when staff open the list, then open requests come sorted by the funder deadline, urgent first', async () => {
    const late = await buildSubmittedStatementRequest(t, applicantToken);
    const soon = await buildSubmittedStatementRequest(t, applicantToken);
    await t.db.case.update({ where: { id: late.id }, data: { deadline: '2027-06-30' } });
    await t.db.case.update({ where: { id: soon.id }, data: { deadline: '2026-12-01' } });
    const list = await page(coordinatorCookie, '/stellungnahmen');
    expect(list.text.indexOf(soon.reference)).toBeLessThan(list.text.indexOf(late.reference));
  });

  it('when the reviewer previews the editor text, then a PDF of the letter comes back and nothing is stored', async () => {
    const app = await buildSubmittedStatementRequest(t, applicantToken);
    await request(t.app).post(`/api/v1/statement-requests/${app.id}/events`).set('Authorization', `Bearer ${coordinatorToken}`).send({ type: 'START_REVIEW' }).expect(200);
    const res = await post(coordinatorCookie, `/stellungnahmen/${app.id}/vorschau`, { position: 'conditional', text: 'Mit Hinweisen.', ...sections, sectionNeed: 'Bedarf belegt.' }, `/stellungnahmen/${app.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline/);
    expect(await t.db.notice.count({ where: { caseId: app.id } })).toBe(0);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('in_review');
    const other = await post(headCookie, `/stellungnahmen/${app.id}/vorschau`, { position: 'supportive', text: 'x' }, `/stellungnahmen/${app.id}`);
    expect(other.status).toBe(403);
  });

  it('when the reviewer drafts through the editor and the head signs, then the statement is issued', async () => {
    const app = await buildSubmittedStatementRequest(t, applicantToken);
    await request(t.app).post(`/api/v1/statement-requests/${app.id}/events`).set('Authorization', `Bearer ${coordinatorToken}`).send({ type: 'START_REVIEW' }).expect(200);
    const drafted = await post(coordinatorCookie, `/stellungnahmen/${app.id}/ereignisse`, {
      type: 'DRAFT_STATEMENT', position: 'supportive', text: 'Gute Ergänzung.', ...sections, sectionNeed: 'Hoher Bedarf.', sectionCofinancing: '',
    }, `/stellungnahmen/${app.id}`);
    expect(drafted.status).toBe(303);
    const headView = await page(headCookie, `/stellungnahmen/${app.id}`);
    expect(headView.text).toContain('Entwurf der Stellungnahme');
    expect(headView.text).toContain('Hoher Bedarf.');
    const preview = await page(headCookie, `/stellungnahmen/${app.id}/vorschau`);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const signed = await post(headCookie, `/stellungnahmen/${app.id}/ereignisse`, { type: 'ISSUE' }, `/stellungnahmen/${app.id}`);
    expect(signed.status).toBe(303);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('issued');
  });

  it('when the editor leaves a required part of the statement empty, then 422 names each field, links it, and nothing is drafted', async () => {
    const app = await buildSubmittedStatementRequest(t, applicantToken);
    await request(t.app).post(`/api/v1/statement-requests/${app.id}/events`).set('Authorization', `Bearer ${coordinatorToken}`).send({ type: 'START_REVIEW' }).expect(200);
    const res = await post(coordinatorCookie, `/stellungnahmen/${app.id}/ereignisse`, {
      type: 'DRAFT_STATEMENT', position: 'supportive', text: 'Gute Ergänzung.', sectionNeed: 'Hoher Bedarf.', sectionPlanning: ' ', sectionOffers: '', sectionCooperation: '', sectionCofinancing: '',
    }, `/stellungnahmen/${app.id}`);
    expect(res.status).toBe(422);
    for (const field of ['sectionPlanning', 'sectionOffers', 'sectionCooperation']) {
      expect(res.text).toContain(`href="#field-${field}"`);
      expect(res.text).toContain(`id="field-${field}-error"`);
    }
    expect(res.text).not.toContain('href="#field-sectionNeed"');
    expect(res.text).not.toContain('href="#field-sectionCofinancing"');
    expect(res.text).toContain('Hoher Bedarf.');
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('in_review');
    expect(await t.db.auditEvent.count({ where: { subjectId: app.id, action: 'DRAFT_STATEMENT' } })).toBe(0);
  });

  it('when the provider looks before signing, then the draft is not shown; the other cases of the organisation are', async () => {
    const app = await buildStatementAwaitingApproval(t, applicantToken, coordinatorToken);
    const fr = await buildSubmittedApplication(t, applicantToken);
    const view = await page(applicantCookie, `/stellungnahmen/${app.id}`);
    expect(view.text).not.toContain('Entwurf der Stellungnahme');
    expect(view.text).toContain(fr.reference);
    const staffView = await page(coordinatorCookie, `/stellungnahmen/${app.id}`);
    expect(staffView.text).toContain('Weitere Vorgänge dieses Trägers');
    expect(staffView.text).toContain(fr.reference);
  });
});
