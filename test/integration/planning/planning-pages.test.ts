import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { attachRequiredDocuments, buildApplicationAwaitingDecision, buildDraftApplication, completeApplication } from '../../support/cases';

describe('planning pages', () => {
  let t: TestApp;
  let applicant: string;
  let applicantCookie: string;
  let coordinator: string;
  let headCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    const member = await buildUser(t.db, 'applicant', { organisationId: (await buildApprovedOrganisation(t.db)).id });
    applicant = await bearerToken(t.app, member.email, PASSWORD);
    applicantCookie = await signInCookie(t.app, member.email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    headCookie = await signInCookie(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
    adminCookie = await signInCookie(t.app, (await buildUser(t.db, 'admin')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const page = (cookie: string, path: string) => request(t.app).get(path).set('Cookie', cookie);
  const post = async (cookie: string, path: string, body: Record<string, unknown>, from = path) => {
    const token = csrfOf((await page(cookie, from)).text);
    return request(t.app).post(path).set('Cookie', cookie).type('form').send({ ...body, _csrf: token });
  };

  it('when an admin opens a round with a German budget and switches the committee step, then both are stored', async () => {
    const bad = await post(adminCookie, '/admin/foerderrunden', { programme: 'FRL_SOZIALES', year: '27', deadline: '', budget: 'viel', latePolicy: 'refuse' }, '/admin/foerderprogramme');
    expect(bad.status).toBe(422);
    for (const field of ['year', 'deadline', 'budget']) expect(bad.text).toContain(`href="#field-${field}"`);
    const ok = await post(adminCookie, '/admin/foerderrunden', { programme: 'FRL_SOZIALES', year: '2027', deadline: '2026-12-31', budget: '12.000,00', latePolicy: 'flag' }, '/admin/foerderprogramme');
    expect(ok.status).toBe(303);
    const round = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2027 } });
    expect({ budgetCents: round.budgetCents, latePolicy: round.latePolicy, deadline: round.deadline }).toEqual({ budgetCents: 1_200_000, latePolicy: 'flag', deadline: '2026-12-31' });
    expect((await post(adminCookie, '/admin/foerderprogramme/FRL_SOZIALES', { committeeStep: 'on' }, '/admin/foerderprogramme')).status).toBe(303);
    expect((await t.db.programme.findUniqueOrThrow({ where: { id: 'FRL_SOZIALES' } })).committeeStep).toBe(true);
    expect((await post(adminCookie, '/admin/foerderprogramme/FRL_SOZIALES', {}, '/admin/foerderprogramme')).status).toBe(303);
    expect((await t.db.programme.findUniqueOrThrow({ where: { id: 'FRL_SOZIALES' } })).committeeStep).toBe(false);
    const listing = await page(adminCookie, '/admin/foerderprogramme');
    expect(listing.text).toContain('Förderrunde 2027 (FRL Soziales)');
    expect(listing.text).toMatch(/12\.000,00\s€/);
  });

  it('when a provider starts an application, then the form offers the rounds and says which one "automatic" means', async () => {
    await t.db.fundingRound.create({ data: { programmeId: 'FRL_SOZIALES', year: 2026, deadline: '2025-09-30', budgetCents: 100_000, latePolicy: 'refuse' } });
    const form = await page(applicantCookie, '/antraege/neu');
    expect(form.text).toContain('Automatisch: Förderjahr 2027, Antragsfrist 31.12.2026');
    expect(form.text).toContain('Förderjahr 2026, Antragsfrist 30.09.2025 abgelaufen: verspätete Anträge werden nicht angenommen');
    const closed = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2026 } });
    const res = await post(applicantCookie, '/antraege/neu', { title: 'Spätantrag', roundId: closed.id }, '/antraege/neu');
    expect(res.status).toBe(303);
    const id = /\/antraege\/(\w+)$/.exec(String(res.headers.location))![1]!;
    expect((await t.db.case.findUniqueOrThrow({ where: { id } })).roundId).toBe(closed.id);
    expect((await page(applicantCookie, `/antraege/${id}/bearbeiten`)).text).toContain(`<option value="${closed.id}" selected>`);
  });

  it('when a provider submits into a closed round that refuses late applications, then the page explains it and the draft stays', async () => {
    const closed = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2026 } });
    const draft = await buildDraftApplication(t, applicant, { ...completeApplication, roundId: closed.id });
    await attachRequiredDocuments(t, applicant, draft.id);
    const show = await page(applicantCookie, `/antraege/${draft.id}`);
    const version = (await t.db.case.findUniqueOrThrow({ where: { id: draft.id } })).version;
    const res = await request(t.app).post(`/antraege/${draft.id}/ereignisse`).set('Cookie', applicantCookie).type('form').send({ _csrf: csrfOf(show.text), type: 'SUBMIT', version: String(version) });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Die Antragsfrist der Förderrunde 2026 endete am 30.09.2025.');
    expect(res.text).toContain('Wählen Sie im Antrag eine noch offene Förderrunde');
    expect((await t.db.case.findUniqueOrThrow({ where: { id: draft.id } })).state).toBe('draft');
  });

  it('when a head decides beyond the remaining budget on the page, then it explains the refusal beside the budget figures', async () => {
    const round = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2027 } });
    await t.db.fundingRound.update({ where: { id: round.id }, data: { committedCents: 500_000 } });
    const c = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const show = await page(headCookie, `/antraege/${c.id}`);
    expect(show.text).toContain('Haushalt: Förderrunde 2027 (FRL Soziales)');
    expect(show.text).toMatch(/Noch verfügbar<\/th><td>7\.000,00\s€/);
    expect(show.text).toMatch(/Empfohlen, noch offen<\/th><td>10\.500,00\s€/);
    expect(show.text).toContain('Empfehlungen übersteigen das verfügbare Budget');
    const version = (await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).version;
    const res = await request(t.app).post(`/antraege/${c.id}/ereignisse`).set('Cookie', headCookie).type('form').send({ _csrf: csrfOf(show.text), type: 'APPROVE', amount: '10.500,00', version: String(version) });
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/Es sind nur noch 7\.000,00\s€ von 12\.000,00\s€ frei\. Es wurde nichts bewilligt\./);
    expect(res.text).toContain('Haushalt: Förderrunde 2027 (FRL Soziales)');
    expect((await t.db.fundingRound.findUniqueOrThrow({ where: { id: round.id } })).committedCents).toBe(500_000);
  });

  it('when an admin lowers the budget below what is committed on the page, then the field says how much is committed', async () => {
    const round = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2027 } });
    const path = `/admin/foerderrunden/${round.id}`;
    const res = await post(adminCookie, path, { deadline: '2026-12-31', budget: '1.000,00', latePolicy: 'flag' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('href="#field-budget"');
    expect(res.text).toMatch(/Das Budget darf nicht unter den bereits bewilligten 5\.000,00\s€ liegen\./);
    expect((await post(adminCookie, path, { deadline: '2026-12-31', budget: '20.000,00', latePolicy: 'refuse' })).status).toBe(303);
    expect((await t.db.fundingRound.findUniqueOrThrow({ where: { id: round.id } })).budgetCents).toBe(2_000_000);
  });

  it('when staff open the rounds list, then every round shows its figures', async () => {
    const list = await page(headCookie, '/foerderrunden');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Förderrunde 2026 (FRL Soziales)');
    expect(list.text).toMatch(/20\.000,00\s€/);
  });
});
