import request from 'supertest';
import { createTestApp, bearerToken, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildPendingOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { binaryParser, csvRecords, xlsxRecords } from '../../support/exports';

const HEADER = 'Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner';
const berlinDay = (d: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);

describe('downloading the organisations, accounts, Ortsteile and rounds lists as CSV and XLSX', () => {
  let t: TestApp;
  let adminCookie: string;
  let coordinatorCookie: string;
  let headCookie: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db, { name: '=Träger; "Mitte" e.V.' });
    await buildPendingOrganisation(t.db);
    await buildUser(t.db, 'applicant', { organisationId: org.id, email: 'ana.mitte@traeger.example' });
    const admin = await buildUser(t.db, 'admin');
    const coordinator = await buildUser(t.db, 'coordinator');
    const head = await buildUser(t.db, 'head');
    adminCookie = await signInCookie(t.app, admin.email, PASSWORD);
    coordinatorCookie = await signInCookie(t.app, coordinator.email, PASSWORD);
    headCookie = await signInCookie(t.app, head.email, PASSWORD);
    adminToken = await bearerToken(t.app, admin.email, PASSWORD);
    const imported = await request(t.app)
      .post('/api/v1/districts/import')
      .set({ Authorization: `Bearer ${adminToken}` })
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(`${HEADER}\nRieth;Nord;2027;78,25;6.400\nAltstadt;Innenstadt;2027;38,5;20.400\n`));
    expect(imported.status).toBe(200);
    await t.db.fundingRound.create({ data: { programmeId: 'FRL_SOZIALES', year: 2027, deadline: '2026-09-30', budgetCents: 350_000_000, committedCents: 120_000_050 } });
  });
  afterAll(() => t.close());

  const download = (cookie: string, path: string) => request(t.app).get(path).set('Cookie', cookie).buffer(true).parse(binaryParser);

  it('when an admin downloads the organisations filtered by status, then the file holds exactly those with German headers and dates', async () => {
    const res = await download(adminCookie, '/admin/organisationen?status=approved&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="organisationen-2026-11-22\.csv"/);
    const rows = csvRecords(res);
    expect(rows.every((r) => r.Status === 'Freigegeben')).toBe(true);
    const org = await t.db.organisation.findFirstOrThrow({ where: { name: '=Träger; "Mitte" e.V.' } });
    expect(rows.find((r) => r.Name === `'=Träger; "Mitte" e.V.`)).toEqual({
      Name: `'=Träger; "Mitte" e.V.`,
      Straße: 'Anger 1',
      PLZ: '99084',
      Ort: 'Erfurt',
      'E-Mail': '',
      Telefon: '',
      Konten: '1',
      Status: 'Freigegeben',
      'Registriert am': berlinDay(org.createdAt),
      'Freigegeben am': berlinDay(org.approvedAt!),
    });
    const all = csvRecords(await download(coordinatorCookie, '/admin/organisationen?format=csv'));
    expect(all.map((r) => r.Status).sort()).toEqual(expect.arrayContaining(['Freigegeben', 'Wartet auf Freigabe']));
    expect(all).toHaveLength(await t.db.organisation.count());
  });

  it('when an admin downloads the accounts as XLSX, then roles and organisations are in German and no secret is in the file', async () => {
    const res = await download(adminCookie, '/admin/benutzer?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { sheet, rows } = await xlsxRecords(res);
    expect(sheet.name).toBe('Benutzerkonten');
    expect(rows).toHaveLength(await t.db.user.count());
    const member = rows.find((r) => r['E-Mail']!.value === 'ana.mitte@traeger.example')!;
    expect(member.Rolle!.value).toBe('Freier Träger');
    expect(member.Träger!.value).toBe('=Träger; "Mitte" e.V.');
    expect(member.Status!.value).toBe('Aktiv');
    expect(member['Angelegt am']!.value).toBeInstanceOf(Date);
    const text = (res.body as Buffer).toString('latin1');
    const hash = (await t.db.user.findFirstOrThrow()).passwordHash;
    expect(text).not.toContain(hash.slice(-20));
    expect(Object.keys(member)).not.toContain('passwordHash');
  });

  it('when a coordinator or head asks for the accounts or the Ortsteile download, then 403 as for the page', async () => {
    expect((await download(coordinatorCookie, '/admin/benutzer?format=csv')).status).toBe(403);
    expect((await download(headCookie, '/admin/ortsteile?format=xlsx')).status).toBe(403);
    expect((await download(headCookie, '/admin/organisationen?format=csv')).status).toBe(403);
  });

  it('when an admin downloads the Ortsteile of a year, then the figures are there the German way and the file imports again unchanged', async () => {
    const res = await download(adminCookie, '/admin/ortsteile?jahr=2027&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ortsteile-2027\.csv"/);
    const rows = csvRecords(res);
    expect(rows).toHaveLength(await t.db.district.count());
    expect(rows.find((r) => r.Ortsteil === 'Rieth')).toEqual({ Ortsteil: 'Rieth', Planungsraum: 'Nord', Jahr: '2027', Sozialindex: '78,25', Einwohner: '6400', Status: 'Aktiv' });
    expect(rows.find((r) => r.Ortsteil === 'Daberstedt')).toMatchObject({ Jahr: '', Sozialindex: '', Einwohner: '' });

    const before = await t.db.districtIndicator.findMany({ orderBy: { districtId: 'asc' }, omit: { id: true, updatedAt: true } });
    const withFigures = (res.body as Buffer)
      .toString('utf8')
      .split('\r\n')
      .filter((line, i) => i === 0 || /;2027;/.test(line))
      .join('\r\n');
    const again = await request(t.app).post('/api/v1/districts/import').set({ Authorization: `Bearer ${adminToken}` }).set('Content-Type', 'text/csv').send(Buffer.from(withFigures));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ count: 2, created: 0, updated: 2 });
    expect(await t.db.districtIndicator.findMany({ orderBy: { districtId: 'asc' }, omit: { id: true, updatedAt: true } })).toEqual(before);

    const xlsx = await xlsxRecords(await download(adminCookie, '/admin/ortsteile?jahr=2027&format=xlsx'));
    const rieth = xlsx.rows.find((r) => r.Ortsteil!.value === 'Rieth')!;
    expect(rieth.Sozialindex!.value).toBe(78.25);
    expect(rieth.Einwohner!.value).toBe(6400);
  });

  it('when staff download the rounds, then budget, committed and remaining are amounts in euros', async () => {
    const csv = csvRecords(await download(headCookie, '/foerderrunden?format=csv'));
    expect(csv).toEqual([
      {
        Förderprogramm: 'FRL Soziales',
        Förderjahr: '2027',
        Antragsfrist: '30.09.2026',
        'Verspätete Anträge': 'Verspätete Anträge zurückweisen',
        Budget: '3500000,00',
        Bewilligt: '1200000,50',
        'Empfohlen, noch offen': '0,00',
        'Noch verfügbar': '2299999,50',
        'Verfügbar nach offenen Empfehlungen': '2299999,50',
      },
    ]);
    const { rows } = await xlsxRecords(await download(coordinatorCookie, '/foerderrunden?format=xlsx'));
    expect(rows[0]!['Noch verfügbar']!.value).toBe(2_299_999.5);
    expect(rows[0]!['Noch verfügbar']!.numFmt).toMatch(/€/);
  });

  it('when a list page is shown, then it links its download with the filters it shows', async () => {
    const organisations = await request(t.app).get('/admin/organisationen?status=pending').set('Cookie', adminCookie);
    expect(organisations.text).toContain('href="?status=pending&amp;format=xlsx"');
    const districts = await request(t.app).get('/admin/ortsteile?jahr=2027').set('Cookie', adminCookie);
    expect(districts.text).toContain('href="?jahr=2027&amp;format=csv"');
    expect((await request(t.app).get('/admin/benutzer').set('Cookie', adminCookie)).text).toContain('href="?format=csv"');
    expect((await request(t.app).get('/foerderrunden').set('Cookie', coordinatorCookie)).text).toContain('href="?format=xlsx"');
  });
});
