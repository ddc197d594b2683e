import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { buildUser } from '../../support/factories';
import { handComputedCases, seedReportWorld } from '../../support/report-data';
import { binaryParser, csvRecords, xlsxRecords } from '../../support/exports';

/**
 * The open data of funded projects: what a city publishes by hand today (project, provider,
 * Ortsteil, amount, year), and nothing about a person: the seeded cases carry a contact name,
 * e-mail, phone and IBAN, the organisation an address, e-mail and phone, the users names.
 */
describe('the public list of funded projects', () => {
  let t: TestApp;
  let personal: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const world = await seedReportWorld(t.db, handComputedCases.map((c, i) => ({ ...c, title: `Projekt ${i + 1} „Miteinander“` })));
    const reviewer = await buildUser(t.db, 'coordinator');
    await t.db.case.updateMany({ where: { id: { in: world.ids } }, data: { reviewerId: reviewer.id } });
    personal = [
      'Erika Musterfrau',
      'erika.musterfrau@stadtteilwerk.example',
      '0151 2345678',
      'DE02120300000000202051',
      'vorstand@stadtteilwerk.example',
      '0361 5550123',
      'Geheimweg',
      reviewer.name,
      reviewer.email,
      world.user.id,
      reviewer.id,
    ];
  });
  afterAll(() => t.close());

  const expectNoPersonalData = (text: string) => {
    for (const value of personal) expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
  };

  it('when anybody asks for the open data, then they get the approved projects of 2027 with exactly the published fields', async () => {
    const res = await request(t.app).get('/api/v1/public/funded-projects?year=2027');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toMatchObject({ year: 2027, total: 2, totalAmount: '10000.00' });
    expect(res.body.items).toEqual([
      expect.objectContaining({ title: 'Projekt 1 „Miteinander“', organisation: 'Stadtteilwerk Nord e.V.', district: 'Rieth', planningArea: 'Nord', fieldOfAction: 'Kinder, Jugend und Familie', amount: '6000.00', year: 2027 }),
      expect.objectContaining({ title: 'Projekt 3 „Miteinander“', district: 'Herrenberg', amount: '4000.00', year: 2027 }),
    ]);
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['amount', 'district', 'fieldOfAction', 'organisation', 'planningArea', 'reference', 'title', 'year']);
    expectNoPersonalData(res.text);
  });

  it('when no year is given, then the newest year with funded projects is listed (2028)', async () => {
    const res = await request(t.app).get('/api/v1/public/funded-projects');
    expect(res.body).toMatchObject({ year: 2028, total: 1 });
  });

  it('when the open data is downloaded as CSV and XLSX, then they hold the same rows and no personal data', async () => {
    const csvRes = await request(t.app).get('/api/v1/public/funded-projects?year=2027').set('Accept', 'text/csv').buffer(true).parse(binaryParser);
    const csv = csvRecords(csvRes);
    expect(csv).toEqual([
      expect.objectContaining({ Förderjahr: '2027', Projekt: 'Projekt 1 „Miteinander“', Träger: 'Stadtteilwerk Nord e.V.', Ortsteil: 'Rieth', 'Bewilligter Betrag': '6000,00' }),
      expect.objectContaining({ Projekt: 'Projekt 3 „Miteinander“', 'Bewilligter Betrag': '4000,00' }),
    ]);
    expectNoPersonalData((csvRes.body as Buffer).toString('utf8'));
    const xlsxRes = await request(t.app).get('/transparenz?jahr=2027&format=xlsx').buffer(true).parse(binaryParser);
    const { rows } = await xlsxRecords(xlsxRes);
    expect(rows.map((r) => r['Bewilligter Betrag']!.value)).toEqual([6000, 4000]);
    const cells = rows.flatMap((r) => Object.values(r).map((c) => String(c.value)));
    expectNoPersonalData(cells.join('\n'));
  });

  it('when the public page is opened without signing in, then it lists the projects with their sum and no personal data', async () => {
    const res = await request(t.app).get('/transparenz?jahr=2027');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Projekt 1 „Miteinander“');
    expect(res.text).not.toContain('Projekt 4');
    expect(res.text.replace(/\s+/g, ' ')).toContain('2 geförderte Projekte mit zusammen 10.000,00 €.');
    expect(res.text).toContain('href="?jahr=2027&amp;format=csv"');
    expectNoPersonalData(res.text);
  });

  it('when a year has no funded project, then the page says so', async () => {
    const res = await request(t.app).get('/transparenz?jahr=2031');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Für das Förderjahr 2031 ist noch kein Projekt bewilligt.');
  });
});
