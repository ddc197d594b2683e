import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, buildApplicationInReview, completeApplication, buildDraftApplication, attachRequiredDocuments, sendEvent } from '../../support/cases';
import { flat, pdfText } from '../../unit/notices/pdf-tools';
import { RECOMMENDATION_COLUMNS } from '../../../src/planning/recommendation-xlsx';
import { binaryParser, csvRecords } from '../../support/exports';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the committee step', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let coordinatorCookie: string;
  let head: string;
  let headCookie: string;
  let admin: string;
  let roundId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db, { name: 'Stadtteilverein Rieth e.V.' });
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
    const coordinatorUser = await buildUser(t.db, 'coordinator');
    coordinator = await bearerToken(t.app, coordinatorUser.email, PASSWORD);
    coordinatorCookie = await signInCookie(t.app, coordinatorUser.email, PASSWORD);
    const headUser = await buildUser(t.db, 'head');
    head = await bearerToken(t.app, headUser.email, PASSWORD);
    headCookie = await signInCookie(t.app, headUser.email, PASSWORD);
    admin = await bearerToken(t.app, (await buildUser(t.db, 'admin')).email, PASSWORD);
    await t.db.districtIndicator.createMany({
      data: [
        { districtId: 'roter-berg', year: 2027, socialIndex: 69.3, inhabitants: 5700 },
        { districtId: 'rieth', year: 2026, socialIndex: 78.25, inhabitants: 6400 },
        { districtId: 'altstadt', year: 2027, socialIndex: 38.5, inhabitants: 20400 },
      ],
    });
    const round = await request(t.app).post('/api/v1/rounds').set(auth(admin)).send({ programme: 'FRL_SOZIALES', year: 2027, deadline: '2026-12-31', budget: '35000.00' });
    roundId = round.body.id;
  });
  afterAll(() => t.close());

  const switchCommittee = (on: boolean) => request(t.app).patch('/api/v1/programmes/FRL_SOZIALES').set(auth(admin)).send({ committeeStep: on });
  const recommended = async (district: string, amount = '10500.00') => {
    const draft = await buildDraftApplication(t, applicant, { ...completeApplication, district, title: `Treffpunkt ${district}` });
    await attachRequiredDocuments(t, applicant, draft.id);
    await sendEvent(t, applicant, draft.id, { type: 'SUBMIT' });
    await sendEvent(t, coordinator, draft.id, { type: 'START_REVIEW' });
    const res = await sendEvent(t, coordinator, draft.id, { type: 'RECOMMEND', recommendation: 'approve', amount, rationale: 'Klarer Sozialraumbezug.' });
    expect(res.status).toBe(200);
    return draft;
  };
  const resolve = (body: Record<string, unknown>) => request(t.app).post(`/api/v1/rounds/${roundId}/resolutions`).set(auth(coordinator)).send(body);

  it('when the step is off, then a head approves without any resolution', async () => {
    expect((await switchCommittee(false)).body.committeeStep).toBe(false);
    const c = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, head, c.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(200);
  });

  it('when the step is on and no resolution covers the case, then APPROVE is a 409 that writes nothing and the decision page says why', async () => {
    expect((await switchCommittee(true)).body).toEqual({ id: 'FRL_SOZIALES', name: 'FRL Soziales', committeeStep: true, active: true });
    const c = await recommended('Roter Berg');
    const jobs = await t.db.outboxJob.count();
    const res = await sendEvent(t, head, c.id, { type: 'APPROVE', amount: '10500.00' });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/committee-pending');
    expect(res.body.detail).toContain('Der Ausschuss für Soziales hat über diesen Antrag noch nicht beschlossen.');
    expect(await t.db.outboxJob.count()).toBe(jobs);
    expect((await t.db.fundingRound.findUniqueOrThrow({ where: { id: roundId } })).committedCents).toBe(1_050_000);
    // A rejection needs no resolution.
    expect((await request(t.app).get(`/api/v1/applications/${c.id}`).set(auth(head))).body.allowedEvents).toContain('REJECT');

    const show = await request(t.app).get(`/antraege/${c.id}`).set('Cookie', headCookie);
    expect(show.text).toContain('Ausschuss für Soziales');
    expect(show.text).toContain('Ein Zuwendungsbescheid kann erst ergehen, wenn ein Beschluss den Antrag befürwortet.');
    const form = await request(t.app)
      .post(`/antraege/${c.id}/ereignisse`)
      .set('Cookie', headCookie)
      .type('form')
      .send({ _csrf: csrfOf(show.text), type: 'APPROVE', amount: '10.500,00', version: String((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).version) });
    expect(form.status).toBe(409);
    expect(form.text).toContain('Der Ausschuss für Soziales hat über diesen Antrag noch nicht beschlossen.');
  });

  it('when the coordinator asks for the recommendation list, then it lists every recommended application by social index, then submission', async () => {
    const res = await request(t.app).get(`/api/v1/rounds/${roundId}/recommendations`).set(auth(coordinator));
    expect(res.status).toBe(200);
    // Rieth (78,25 from 2026, the latest before 2027) outranks Roter Berg (69,3), Altstadt (38,5) comes last.
    await recommended('Altstadt', '4000.00');
    await recommended('Rieth', '8000.00');
    const list = (await request(t.app).get(`/api/v1/rounds/${roundId}/recommendations`).set(auth(head))).body;
    expect(list.items.map((i: { district: string; socialIndex: number; rank: number }) => [i.rank, i.district, i.socialIndex])).toEqual([
      [1, 'Rieth', 78.25],
      [2, 'Roter Berg', 69.3],
      [3, 'Altstadt', 38.5],
    ]);
    expect(list.items[0]).toMatchObject({ organisation: 'Stadtteilverein Rieth e.V.', requested: '10500.00', recommended: '8000.00', planningArea: 'Nord', late: false });
    expect(list.totals).toEqual({ requested: '31500.00', recommended: '22500.00' });
    // An application still in review is not on the list.
    await buildApplicationInReview(t, applicant, coordinator);
    expect((await request(t.app).get(`/api/v1/rounds/${roundId}/recommendations`).set(auth(head))).body.items).toHaveLength(3);
  });

  it('when the list is downloaded as XLSX, then the workbook reads back with the same rows, numbers and totals', async () => {
    const res = await request(t.app).get(`/foerderrunden/${roundId}/empfehlungsliste.xlsx`).set('Cookie', coordinatorCookie).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    const sheet = workbook.getWorksheet('Empfehlungsliste')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...RECOMMENDATION_COLUMNS]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2).slice(0, 9)).toEqual([1, expect.stringMatching(/^FRL-2027-\d{4}$/), 'Treffpunkt Rieth', 'Stadtteilverein Rieth e.V.', 'Rieth', 'Nord', 78.25, 10500, 8000]);
    expect(row(2)[9]).toBeInstanceOf(Date);
    expect(row(2)[10]).toBe('nein');
    expect(row(3).slice(4, 9)).toEqual(['Roter Berg', 'Nord', 69.3, 10500, 10500]);
    expect(row(4).slice(4, 9)).toEqual(['Altstadt', 'Innenstadt', 38.5, 10500, 4000]);
    const total = sheet.getRow(5);
    expect(total.getCell(8).value).toEqual({ formula: 'SUM(H2:H4)', result: 31500 });
    expect(total.getCell(9).value).toEqual({ formula: 'SUM(I2:I4)', result: 22500 });
    expect(sheet.getColumn(8).numFmt).toBe('#,##0.00 "€"');
  });

  it('when the list is downloaded as CSV, then it has the same rows in the same order with German amounts and no total row', async () => {
    const res = await request(t.app).get(`/foerderrunden/${roundId}/empfehlungsliste.csv`).set('Cookie', headCookie).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Empfehlungsliste-2027\.csv"/);
    const rows = csvRecords(res);
    expect(rows.map((r) => [r.Rang, r.Ortsteil, r.Sozialindex, r['Beantragt (€)'], r['Empfohlen (€)'], r.Verspätet])).toEqual([
      ['1', 'Rieth', '78,25', '10500,00', '8000,00', 'nein'],
      ['2', 'Roter Berg', '69,30', '10500,00', '10500,00', 'nein'],
      ['3', 'Altstadt', '38,50', '10500,00', '4000,00', 'nein'],
    ]);
    expect(rows[0]!['Eingereicht am']).toMatch(/^\d\d\.\d\d\.2026$/);
  });

  it('when the list is downloaded as PDF, then pdftotext finds the round, every application in order and the totals', async () => {
    const res = await request(t.app).get(`/foerderrunden/${roundId}/empfehlungsliste.pdf`).set('Cookie', headCookie).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = flat(pdfText(res.body as Buffer));
    expect(text).toContain('Empfehlungsliste Förderrunde 2027 – FRL Soziales');
    expect(text).toContain('Begleitgremium und Ausschuss für Soziales');
    expect(text).toContain('die folgenden 3 Anträge der Förderrunde 2027');
    const rieth = text.indexOf('Treffpunkt Rieth');
    const roterBerg = text.indexOf('Treffpunkt Roter Berg');
    const altstadt = text.indexOf('Treffpunkt Altstadt');
    expect(rieth).toBeGreaterThan(0);
    expect(rieth).toBeLessThan(roterBerg);
    expect(roterBerg).toBeLessThan(altstadt);
    expect(text).toContain('Rieth (Nord) 78,25 10.500,00 € 8.000,00 €');
    expect(text).toContain('Summe (3 Anträge) 31.500,00 € 22.500,00 €');
    expect(text).toContain('Seite 1 von');
  });

  it('when a resolution is invalid, then 422 names every problem and nothing is recorded', async () => {
    const list = (await request(t.app).get(`/api/v1/rounds/${roundId}/recommendations`).set(auth(head))).body.items as { id: string }[];
    const res = await resolve({
      number: 'DS 0001/26',
      date: '2026-11-20',
      outcomes: [
        { caseId: list[0]!.id, outcome: 'amended' },
        { caseId: list[0]!.id, outcome: 'endorsed' },
        { caseId: 'nicht-auf-der-liste', outcome: 'endorsed' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'outcomes.0.amount', message: 'Bitte geben Sie den vom Ausschuss befürworteten Betrag an.' },
      { path: 'outcomes.1.caseId', message: 'Jeder Antrag darf in einem Beschluss nur einmal vorkommen.' },
      { path: 'outcomes.2.caseId', message: 'Dieser Antrag steht nicht auf der Empfehlungsliste der Runde.' },
    ]);
    expect(await t.db.committeeResolution.count()).toBe(0);
    expect((await resolve({ number: 'DS 0001/26', date: '2026-11-20', outcomes: [] })).body.errors).toEqual([{ path: 'outcomes', message: 'Bitte tragen Sie für mindestens einen Antrag das Ergebnis des Beschlusses ein.' }]);
    expect((await request(t.app).post(`/api/v1/rounds/${roundId}/resolutions`).set(auth(head)).send({ number: 'x', date: '2026-11-20', outcomes: [] })).status).toBe(403);
  });

  it('when the resolution endorses, amends, refuses and defers, then each case may be granted exactly as the committee said', async () => {
    const [rieth, roterBerg, altstadt] = (await request(t.app).get(`/api/v1/rounds/${roundId}/recommendations`).set(auth(head))).body.items as { id: string }[];
    const res = await resolve({
      number: 'DS 0815/26',
      date: '2026-11-20',
      outcomes: [
        { caseId: rieth!.id, outcome: 'endorsed' },
        { caseId: roterBerg!.id, outcome: 'amended', amount: '9000.00', note: 'Sachkosten gekürzt' },
        { caseId: altstadt!.id, outcome: 'deferred' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'DS 0815/26', date: '2026-11-20' });
    expect((await resolve({ number: 'DS 0815/26', date: '2026-11-21', outcomes: [{ caseId: altstadt!.id, outcome: 'refused' }] })).body.errors).toEqual([
      { path: 'number', message: 'Einen Beschluss mit dieser Nummer gibt es in dieser Runde schon.' },
    ]);

    // Endorsed as recommended: at most the recommended amount.
    const tooMuch = await sendEvent(t, head, rieth!.id, { type: 'APPROVE', amount: '10500.00' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.type).toBe('/problems/committee-amount');
    expect((await sendEvent(t, head, rieth!.id, { type: 'APPROVE', amount: '8000.00', rationale: 'Wie vom Ausschuss befürwortet.' })).status).toBe(200);
    // Amended: at most the committee's amount.
    expect((await sendEvent(t, head, roterBerg!.id, { type: 'APPROVE', amount: '9500.00', rationale: 'x' })).body.type).toBe('/problems/committee-amount');
    expect((await sendEvent(t, head, roterBerg!.id, { type: 'APPROVE', amount: '9000.00', rationale: 'Sachkosten gekürzt.' })).status).toBe(200);
    // Deferred: not covered yet.
    expect((await sendEvent(t, head, altstadt!.id, { type: 'APPROVE', amount: '4000.00', rationale: 'x' })).body.type).toBe('/problems/committee-pending');

    // A later resolution refuses it: no grant, and the page says so.
    expect((await resolve({ number: 'DS 0900/26', date: '2026-12-10', outcomes: [{ caseId: altstadt!.id, outcome: 'refused' }] })).status).toBe(201);
    const refused = await sendEvent(t, head, altstadt!.id, { type: 'APPROVE', amount: '4000.00', rationale: 'x' });
    expect(refused.body.type).toBe('/problems/committee-refused');
    expect(refused.body.detail).toBe('Der Ausschuss hat den Antrag mit Beschluss DS 0900/26 vom 10.12.2026 nicht befürwortet. Eine Bewilligung ist deshalb nicht möglich.');
    expect((await request(t.app).get(`/antraege/${altstadt!.id}`).set('Cookie', headCookie)).text).toContain('nicht befürwortet. Eine Bewilligung ist deshalb nicht möglich.');
    expect((await sendEvent(t, head, altstadt!.id, { type: 'REJECT', rationale: 'Der Ausschuss hat das Vorhaben nicht befürwortet.' })).status).toBe(200);

    const history = (await request(t.app).get(`/api/v1/applications/${rieth!.id}`).set(auth(coordinator))).body.history as { event: string }[];
    expect(history.map((h) => h.event)).toContain('COMMITTEE_RESOLUTION');
  });

  it('when the coordinator records a resolution through the round page, then the outcomes are stored and listed', async () => {
    const c = await recommended('Rieth', '5000.00');
    const pagePath = `/foerderrunden/${roundId}`;
    const show = await request(t.app).get(pagePath).set('Cookie', coordinatorCookie);
    expect(show.status).toBe(200);
    expect(show.text).toContain('Beschluss eintragen');
    const bad = await request(t.app).post(`${pagePath}/beschluesse`).set('Cookie', coordinatorCookie).type('form').send({ _csrf: csrfOf(show.text), number: 'DS 1000/26', date: '2026-12-15', 'outcome-0': 'amended' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('href="#field-amount-0"');
    expect(bad.text).toContain('Bitte geben Sie den vom Ausschuss befürworteten Betrag an.');
    const ok = await request(t.app)
      .post(`${pagePath}/beschluesse`)
      .set('Cookie', coordinatorCookie)
      .type('form')
      .send({ _csrf: csrfOf(show.text), number: 'DS 1000/26', date: '2026-12-15', 'outcome-0': 'amended', 'amount-0': '4.500,00', 'note-0': 'Honorar gekürzt' });
    expect(ok.status).toBe(303);
    const outcome = await t.db.committeeOutcome.findFirstOrThrow({ where: { caseId: c.id } });
    expect({ outcome: outcome.outcome, amountCents: outcome.amountCents, note: outcome.note }).toEqual({ outcome: 'amended', amountCents: 450_000, note: 'Honorar gekürzt' });
    const after = await request(t.app).get(pagePath).set('Cookie', coordinatorCookie);
    expect(after.text).toContain('Beschluss DS 1000/26 vom 15.12.2026');
    expect(after.text).toMatch(/befürwortet mit geändertem Betrag \(4\.500,00\s€\) – Honorar gekürzt/);
  });
});
