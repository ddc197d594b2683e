import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { PDF_BYTES, buildApplicationAwaitingDecision, buildDraftApplication, buildSubmittedApplication } from '../../support/cases';

const form = {
  title: 'Stadtteilfrühstück',
  summary: 'Einmal im Monat ein gemeinsames Frühstück.',
  district: 'rieth',
  fieldOfAction: 'nachbarschaft-und-begegnung',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  financingType: 'deficit',
  costCategory: ['personnel', 'material', ''],
  costDescription: ['Honorar', 'Lebensmittel', ''],
  costAmount: ['1.200,00', '800', ''],
  ownFunds: '200,00',
  thirdPartyFunds: '',
  requestedAmount: '1.800,00',
  subGoals: 'Nachbarn lernen sich kennen\nEhrenamt stärken',
  projectElements: 'Frühstück\n',
  contactName: 'Kim Meier',
  contactEmail: 'kim@verein.example',
  contactPhone: '',
};

describe('application pages', () => {
  let t: TestApp;
  let applicantCookie: string;
  let applicantToken: string;
  let coordinatorCookie: string;
  let coordinatorToken: string;
  let headCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db);
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    applicantCookie = await signInCookie(t.app, member.email, PASSWORD);
    applicantToken = await bearerToken(t.app, member.email, PASSWORD);
    const coordinator = await buildUser(t.db, 'coordinator');
    coordinatorCookie = await signInCookie(t.app, coordinator.email, PASSWORD);
    coordinatorToken = await bearerToken(t.app, coordinator.email, PASSWORD);
    headCookie = await signInCookie(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const page = (cookie: string, path: string) => request(t.app).get(path).set('Cookie', cookie);
  const post = async (cookie: string, path: string, body: Record<string, unknown>, from = path) => {
    const token = csrfOf((await page(cookie, from)).text);
    return request(t.app).post(path).set('Cookie', cookie).type('form').send({ ...body, _csrf: token });
  };

  it('when a provider fills the form with German amounts, then the draft stores cents and the case page shows euros, district and field', async () => {
    const res = await post(applicantCookie, '/antraege/neu', form);
    expect(res.status).toBe(303);
    const id = /\/antraege\/(\w+)$/.exec(String(res.headers.location))![1]!;
    const row = await t.db.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ totalCostCents: 200_000, requestedCents: 180_000, state: 'draft' });
    const show = await page(applicantCookie, `/antraege/${id}`);
    expect(show.text).toMatch(/2\.000,00\s€/);
    expect(show.text).toContain('Rieth (Planungsraum Nord)');
    expect(show.text).toContain('Nachbarschaft und Begegnung');
    expect(show.text).toContain('Der Entwurf FRL-2027-');
    expect(show.text).toContain('Vor dem Einreichen fehlt noch:');
    expect(show.text).toContain('Anlage fehlt: Kosten- und Finanzierungsplan.');
  });

  it('when an amount cannot be read, then the form comes back with the error at that cost row', async () => {
    const res = await post(applicantCookie, '/antraege/neu', { ...form, costAmount: ['zwölf', '800', ''] });
    expect(res.status).toBe(422);
    expect(res.text).toContain('href="#field-costItems.0.amount"');
    expect(res.text).toContain('value="zwölf"');
    expect(res.text).toContain('Bitte geben Sie einen Betrag in Euro an');
  });

  it('when a file form is posted with the token in its URL, then the file is stored; without it, 403 and nothing is stored', async () => {
    const draft = await buildDraftApplication(t, applicantToken);
    const show = await page(applicantCookie, `/antraege/${draft.id}`);
    const token = csrfOf(show.text);
    const ok = await request(t.app)
      .post(`/antraege/${draft.id}/anlagen?_csrf=${encodeURIComponent(token)}`)
      .set('Cookie', applicantCookie)
      .field('kind', 'statutes')
      .attach('file', PDF_BYTES, 'Satzung.pdf');
    expect(ok.status).toBe(303);
    const forged = await request(t.app).post(`/antraege/${draft.id}/anlagen`).set('Cookie', applicantCookie).field('kind', 'statutes').attach('file', PDF_BYTES, 'x.pdf');
    expect(forged.status).toBe(403);
    expect(await t.db.attachment.count({ where: { caseId: draft.id } })).toBe(1);
    const bad = await request(t.app)
      .post(`/antraege/${draft.id}/anlagen?_csrf=${encodeURIComponent(token)}`)
      .set('Cookie', applicantCookie)
      .field('kind', 'statutes')
      .attach('file', Buffer.from('<script>alert(1)</script>'), 'x.html');
    expect(bad.status).toBe(415);
    expect(bad.text).toContain('Dieser Dateityp wird nicht angenommen');
  });

  it('when the coordinator works through the pages, then claiming and requesting changes move the case', async () => {
    const app = await buildSubmittedApplication(t, applicantToken);
    const inbox = await page(coordinatorCookie, '/antraege?gruppe=neu');
    expect(inbox.text).toContain(app.reference);
    const claim = await post(coordinatorCookie, `/antraege/${app.id}/ereignisse`, { type: 'START_REVIEW' }, `/antraege/${app.id}`);
    expect(claim.status).toBe(303);
    const bad = await post(coordinatorCookie, `/antraege/${app.id}/ereignisse`, { type: 'REQUEST_CHANGES', message: '', dueDate: '' }, `/antraege/${app.id}`);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('href="#field-message"');
    const ok = await post(coordinatorCookie, `/antraege/${app.id}/ereignisse`, { type: 'REQUEST_CHANGES', message: 'Bitte Satzung nachreichen.', dueDate: '2026-12-20' }, `/antraege/${app.id}`);
    expect(ok.status).toBe(303);
    const seen = await page(applicantCookie, `/antraege/${app.id}`);
    expect(seen.text).toContain('Nachforderung – bitte bis 20.12.2026 beantworten');
    expect(seen.text).toContain('Bitte Satzung nachreichen.');
  });

  it('when a case has a reviewer, then its page names them, also when they have not yet acted on it', async () => {
    const app = await buildSubmittedApplication(t, applicantToken);
    const colleague = await buildUser(t.db, 'coordinator');
    await t.db.case.update({ where: { id: app.id }, data: { reviewerId: colleague.id } });
    const show = await page(coordinatorCookie, `/antraege/${app.id}`);
    expect(show.text).toContain(`Fachliche Prüfung: ${colleague.name}`);
  });

  it('when a head approves in part without reasons, then the page explains it; with reasons, the case is approved', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicantToken, coordinatorToken);
    const show = await page(headCookie, `/antraege/${app.id}`);
    expect(show.text).toContain('Votum der Prüfung');
    expect(show.text).toContain('Bewilligen (ganz oder teilweise)');
    const partial = await post(headCookie, `/antraege/${app.id}/ereignisse`, { type: 'APPROVE', amount: '5.000,00', rationale: '' }, `/antraege/${app.id}`);
    expect(partial.status).toBe(422);
    expect(partial.text).toContain('Bei einer teilweisen Bewilligung begründen Sie bitte');
    const ok = await post(headCookie, `/antraege/${app.id}/ereignisse`, { type: 'APPROVE', amount: '5.000,00', rationale: 'Nur die Personalkosten sind förderfähig.' }, `/antraege/${app.id}`);
    expect(ok.status).toBe(303);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).approvedCents).toBe(500_000);
  });

  it('when the workflow does not allow an event now, then the page says so with 409', async () => {
    const app = await buildSubmittedApplication(t, applicantToken);
    const res = await post(applicantCookie, `/antraege/${app.id}/ereignisse`, { type: 'SUBMIT' }, `/antraege/${app.id}`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Aktion nicht möglich');
  });

  it('when another organisation opens a case page, then a 404 page', async () => {
    const app = await buildSubmittedApplication(t, applicantToken);
    const other = await buildUser(t.db, 'applicant', { organisationId: (await buildApprovedOrganisation(t.db)).id });
    const cookie = await signInCookie(t.app, other.email, PASSWORD);
    const res = await page(cookie, `/antraege/${app.id}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('Seite nicht gefunden');
  });

  it('when the provider opens its start page, then its cases are listed with state and next step', async () => {
    const res = await page(applicantCookie, '/antraege');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Stadtteilfrühstück');
    expect(res.text).toContain('Entwurf');
  });
});
