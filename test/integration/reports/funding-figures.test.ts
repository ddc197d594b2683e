import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildUser, PASSWORD } from '../../support/factories';
import { handComputedCases, seedReportWorld } from '../../support/report-data';
import { binaryParser, csvRecords, xlsxRecords } from '../../support/exports';

/**
 * The report figures against sums added up by hand from the eight cases in
 * test/support/report-data.ts (2027 round: cases 1–5 and 8 count; 6 is a draft, 7 is 2028's).
 */
describe('report figures on seeded cases', () => {
  let t: TestApp;
  let head: string;
  let roundId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await seedReportWorld(t.db, handComputedCases, { committedCents: 1_000_000 });
    roundId = world.r2027.id;
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const get = (path: string) => request(t.app).get(path).set('Authorization', `Bearer ${head}`);
  const rowOf = (body: { rows: { key: string }[] }, key: string) => body.rows.find((r) => r.key === key);

  it('when the 2027 round is reported by district, then each Ortsteil and the totals match the hand-computed sums', async () => {
    const res = await get(`/api/v1/reports/funding?roundId=${roundId}&by=district`);
    expect(res.status).toBe(200);
    // Cases 1–5 and 8: 6 cases; 6,500 + 4,000 + 4,200 + 3,000 + 2,000 + 1,000 = 20,700 requested;
    // 6,000 + 0 + 4,200 + 2,500 = 12,700 recommended; 6,000 + 4,000 = 10,000 approved.
    expect(res.body.totals).toEqual({ cases: 6, approvedCases: 2, rejectedCases: 1, openCases: 2, requested: '20700.00', recommended: '12700.00', approved: '10000.00' });
    // Rieth: cases 1 and 2; 6,000 € over 6,400 inhabitants (2027 figures) = 0.9375 → 0.94 €.
    expect(rowOf(res.body, 'rieth')).toEqual({
      key: 'rieth', label: 'Rieth', cases: 2, approvedCases: 1, rejectedCases: 1, openCases: 0,
      requested: '10500.00', recommended: '6000.00', approved: '6000.00', inhabitants: 6400, approvedPerInhabitant: '0.94', socialIndex: 78.2,
    });
    // Herrenberg: cases 3 and 8 (withdrawn: counted, neither open nor decided); 4,000 € / 6,100 = 0.656 → 0.66 €.
    expect(rowOf(res.body, 'herrenberg')).toMatchObject({ cases: 2, approvedCases: 1, openCases: 0, requested: '5200.00', approved: '4000.00', approvedPerInhabitant: '0.66' });
    // Altstadt: cases 4 and 5; its only figures are 2026's (20,400 inhabitants, index 38.5).
    expect(rowOf(res.body, 'altstadt')).toMatchObject({ cases: 2, openCases: 2, requested: '5000.00', recommended: '2500.00', approved: '0.00', inhabitants: 20400, socialIndex: 38.5 });
    // Every Ortsteil is listed, with zeros where nothing was applied for; no "unknown" row.
    expect(rowOf(res.body, 'marbach')).toMatchObject({ cases: 0, requested: '0.00', inhabitants: null, approvedPerInhabitant: null });
    expect(res.body.rows).toHaveLength(await t.db.district.count());
  });

  it('when reported by planning area, social-index class and field of action, then the rows regroup the same sums', async () => {
    const area = (await get(`/api/v1/reports/funding?roundId=${roundId}&by=planningArea`)).body;
    expect(rowOf(area, 'Nord')).toMatchObject({ cases: 2, requested: '10500.00', approved: '6000.00', inhabitants: null });
    expect(rowOf(area, 'Südost')).toMatchObject({ cases: 2, requested: '5200.00', approved: '4000.00' });
    expect(rowOf(area, 'Innenstadt')).toMatchObject({ cases: 2, requested: '5000.00', approved: '0.00' });
    expect(rowOf(area, 'West')).toMatchObject({ cases: 0 });

    const index = (await get(`/api/v1/reports/funding?roundId=${roundId}&by=socialIndexClass`)).body;
    // Rieth 78.2 and Herrenberg 76.5 are "high" (60 and more): cases 1, 2, 3, 8; Altstadt 38.5 is "low".
    expect(index.rows.map((r: { key: string }) => r.key)).toEqual(['high', 'medium', 'low']);
    expect(rowOf(index, 'high')).toMatchObject({ cases: 4, requested: '15700.00', recommended: '10200.00', approved: '10000.00' });
    expect(rowOf(index, 'medium')).toMatchObject({ cases: 0, requested: '0.00' });
    expect(rowOf(index, 'low')).toMatchObject({ cases: 2, requested: '5000.00', recommended: '2500.00' });

    const field = (await get(`/api/v1/reports/funding?roundId=${roundId}&by=fieldOfAction`)).body;
    expect(rowOf(field, 'nachbarschaft-und-begegnung')).toMatchObject({ cases: 2, requested: '8200.00', approved: '4000.00', rejectedCases: 1 });
    expect(rowOf(field, 'kinder-jugend-und-familie')).toMatchObject({ cases: 1, requested: '6500.00', approved: '6000.00' });
    expect(rowOf(field, 'seniorinnen-und-senioren')).toMatchObject({ cases: 2, requested: '5000.00' });
    // Case 8 has no field of action: its own row, last.
    expect(field.rows.at(-1)).toMatchObject({ key: '__unknown__', label: 'ohne Angabe', cases: 1, requested: '1000.00' });
    for (const report of [area, index, field]) expect(report.totals).toEqual((await get(`/api/v1/reports/funding?roundId=${roundId}`)).body.totals);
  });

  it('when the year is asked for instead of the round, then the 2028 round is separate', async () => {
    const y2027 = (await get('/api/v1/reports/funding?year=2027')).body;
    expect(y2027.totals.cases).toBe(6);
    const y2028 = (await get('/api/v1/reports/funding?year=2028&by=district')).body;
    expect(y2028.totals).toMatchObject({ cases: 1, approved: '1000.00' });
    // 2028 takes Rieth's latest figures before it: 2027's 6,400 inhabitants; 1,000 € / 6,400 = 0.16 €.
    expect(rowOf(y2028, 'rieth')).toMatchObject({ inhabitants: 6400, approvedPerInhabitant: '0.16' });
  });

  it('when budget use is reported, then budget, committed, pending recommendations, remaining and months add up', async () => {
    const res = await get(`/api/v1/reports/budget?roundId=${roundId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      budget: '35000.00',
      committed: '10000.00',
      recommendedUndecided: '2500.00',
      recommendedUndecidedCases: 1,
      remaining: '25000.00',
      remainingAfterRecommended: '22500.00',
    });
    // Case 1 in February; case 3 at 22:30 UTC on 31 March, which is already April in Berlin.
    expect(res.body.months).toEqual([
      { month: '2027-02', approvals: 1, committed: '6000.00', cumulative: '6000.00' },
      { month: '2027-04', approvals: 1, committed: '4000.00', cumulative: '10000.00' },
    ]);
  });

  it('when decision times are reported, then median and 90th percentile are the nearest ranks of 10, 30 and 75.5 days', async () => {
    const res = await get(`/api/v1/reports/decision-times?roundId=${roundId}`);
    // Case 2: 240 h; case 1: 720 h; case 3: 15 January 09:00 to 31 March 22:30 UTC = 1,813.5 h, whole hours 1,813 = 75.5 days.
    expect(res.body).toMatchObject({ decided: 3, medianDays: 30, p90Days: 75.5 });
    expect(res.body.buckets.map((b: { cases: number }) => b.cases)).toEqual([1, 1, 1, 0]);
  });

  it('when a report is asked for as CSV or XLSX, then it holds the same figures with German headers and a total row', async () => {
    const csv = csvRecords(await get(`/api/v1/reports/funding?roundId=${roundId}&by=planningArea`).set('Accept', 'text/csv').buffer(true).parse(binaryParser));
    expect(csv.find((r) => r.Planungsraum === 'Nord')).toMatchObject({ Anträge: '2', Beantragt: '10500,00', Bewilligt: '6000,00', Einwohner: '' });
    expect(csv.at(-1)).toMatchObject({ Planungsraum: 'Summe', Anträge: '6', Beantragt: '20700,00', Empfohlen: '12700,00', Bewilligt: '10000,00' });
    const { rows } = await xlsxRecords(await get(`/api/v1/reports/budget?roundId=${roundId}&format=xlsx`).buffer(true).parse(binaryParser));
    expect(rows.map((r) => [r.Monat!.value, r['Gebunden insgesamt']!.value, r['Anteil am Ansatz']!.value])).toEqual([
      ['Februar 2027', 6000, 6000 / 35000],
      ['April 2027', 10000, 10000 / 35000],
    ]);
    expect(rows[0]!['Im Monat gebunden']!.numFmt).toBe('#,##0.00 "€"');
  });

  it('when the round is unknown or the dimension invalid, then 404 and 422 as problem+json', async () => {
    const unknown = await get('/api/v1/reports/funding?roundId=cunknown0000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect((await get('/api/v1/reports/funding?by=street')).status).toBe(422);
  });
});
