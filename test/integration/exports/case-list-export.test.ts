import request from 'supertest';
import { createTestApp, bearerToken, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, buildDraftApplication, buildSubmittedApplication, completeApplication } from '../../support/cases';
import { buildSubmittedStatementRequest } from '../../support/statements';
import { binaryParser, csvRecords, xlsxRecords } from '../../support/exports';

describe('downloading case lists as CSV and XLSX', () => {
  let t: TestApp;
  let applicantCookie: string;
  let coordinatorCookie: string;
  let otherCookie: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db, { name: 'Träger; "Mitte" e.V.' });
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    const other = await buildUser(t.db, 'applicant');
    const coordinator = await buildUser(t.db, 'coordinator');
    const applicantToken = await bearerToken(t.app, member.email, PASSWORD);
    const coordinatorToken = await bearerToken(t.app, coordinator.email, PASSWORD);
    applicantCookie = await signInCookie(t.app, member.email, PASSWORD);
    coordinatorCookie = await signInCookie(t.app, coordinator.email, PASSWORD);
    otherCookie = await signInCookie(t.app, other.email, PASSWORD);
    ids.submitted = (await buildSubmittedApplication(t, applicantToken)).id;
    ids.awaiting = (await buildApplicationAwaitingDecision(t, applicantToken, coordinatorToken)).id;
    ids.draft = (await buildDraftApplication(t, applicantToken, { ...completeApplication, title: '=HYPERLINK("http://x.example")' })).id;
    ids.statement = (await buildSubmittedStatementRequest(t, applicantToken)).id;
  });
  afterAll(() => t.close());

  const download = (cookie: string, path: string) => request(t.app).get(path).set('Cookie', cookie).buffer(true).parse(binaryParser);
  const refOf = async (id: string) => (await t.db.case.findUniqueOrThrow({ where: { id } })).reference;

  it('when a coordinator downloads the inbox as CSV, then every submitted case is there with German headers and amounts', async () => {
    const res = await download(coordinatorCookie, '/antraege?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="antraege-2026-11-22\.csv"/);
    const rows = csvRecords(res);
    expect(rows.map((r) => r.Aktenzeichen).sort()).toEqual([await refOf(ids.submitted!), await refOf(ids.awaiting!)].sort());
    const awaiting = rows.find((r) => r.Stand === 'Zur Entscheidung')!;
    expect(awaiting).toMatchObject({
      Titel: completeApplication.title,
      Träger: 'Träger; "Mitte" e.V.',
      Ortsteil: 'Roter Berg',
      Planungsraum: 'Nord',
      Handlungsfeld: 'Nachbarschaft und Begegnung',
      Gesamtkosten: '12000,00',
      Beantragt: '10500,00',
      Empfohlen: '10500,00',
      Bewilligt: '',
      'Eingereicht am': '22.11.2026',
    });
  });

  it('when the list is filtered by group or search, then the download holds the same cases as the filtered list', async () => {
    const group = csvRecords(await download(coordinatorCookie, '/antraege?gruppe=entscheidung&format=csv'));
    expect(group.map((r) => r.Aktenzeichen)).toEqual([await refOf(ids.awaiting!)]);
    const none = csvRecords(await download(coordinatorCookie, '/antraege?q=gibt-es-nicht&format=csv'));
    expect(none).toEqual([]);
  });

  it('when the list page is shown, then its download links keep the filters and leave out the page number', async () => {
    const res = await request(t.app).get('/antraege?gruppe=neu&q=Caf%C3%A9&page=1').set('Cookie', coordinatorCookie);
    expect(res.text).toContain('href="?gruppe=neu&amp;q=Caf%C3%A9&amp;format=csv"');
    expect(res.text).toContain('href="?gruppe=neu&amp;q=Caf%C3%A9&amp;format=xlsx"');
    expect(res.text).toContain('Als CSV herunterladen');
    expect(res.text).toContain('Als XLSX herunterladen');
  });

  it('when a coordinator downloads the inbox as XLSX, then exceljs reads number cells in euros and date cells', async () => {
    const res = await download(coordinatorCookie, '/antraege?gruppe=entscheidung&format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { sheet, rows } = await xlsxRecords(res);
    expect(sheet.name).toBe('Anträge');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Beantragt!.value).toBe(10500);
    expect(rows[0]!.Beantragt!.numFmt).toBe('#,##0.00 "€"');
    expect(rows[0]!['Eingereicht am']!.value).toEqual(new Date(Date.UTC(2026, 10, 22)));
    expect(rows[0]!.Träger!.value).toBe('Träger; "Mitte" e.V.');
  });

  it('when a provider downloads its list, then it gets its own cases, drafts included, with a formula title neutralised', async () => {
    const rows = csvRecords(await download(applicantCookie, '/antraege?format=csv'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).not.toHaveProperty('Träger');
    expect(rows.find((r) => r.Stand === 'Entwurf')!.Titel).toBe('\'=HYPERLINK("http://x.example")');
    expect(csvRecords(await download(otherCookie, '/antraege?format=csv'))).toEqual([]);
  });

  it('when the statements list is downloaded, then it has the statement columns', async () => {
    const rows = csvRecords(await download(coordinatorCookie, '/stellungnahmen?format=csv'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Aktenzeichen: await refOf(ids.statement!), Stand: 'Eingereicht' });
    expect(Object.keys(rows[0]!)).toContain('Kofinanzierung der Stadt');
    const { rows: xlsx } = await xlsxRecords(await download(coordinatorCookie, '/stellungnahmen?offen=0&format=xlsx'));
    expect(xlsx).toHaveLength(1);
  });

  it('when the format is unknown, then the list page is shown as usual', async () => {
    const res = await request(t.app).get('/antraege?format=pdf').set('Cookie', coordinatorCookie);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
