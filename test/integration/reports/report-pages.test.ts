import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildUser, PASSWORD } from '../../support/factories';
import { handComputedCases, seedReportWorld } from '../../support/report-data';
import { binaryParser, csvRecords, xlsxRecords } from '../../support/exports';
import { schematicDistrictMap } from '../../../src/reports/schematic-map';

describe('report pages, the district map and its upload', () => {
  let t: TestApp;
  let headCookie: string;
  let adminCookie: string;
  let adminToken: string;
  let roundId: string;

  beforeAll(async () => {
    t = await createTestApp();
    roundId = (await seedReportWorld(t.db, handComputedCases, { committedCents: 1_000_000 })).r2027.id;
    headCookie = await signInCookie(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
    const admin = await buildUser(t.db, 'admin');
    adminCookie = await signInCookie(t.app, admin.email, PASSWORD);
    adminToken = await bearerToken(t.app, admin.email, PASSWORD);
  });
  afterAll(() => t.close());

  const page = (cookie: string, path: string) => request(t.app).get(path).set('Cookie', cookie);
  const upload = async (bytes: Buffer, name = 'ortsteile.geojson') => {
    const csrf = csrfOf((await page(adminCookie, '/admin/karte')).text);
    return request(t.app).post(`/admin/karte?_csrf=${encodeURIComponent(csrf)}`).set('Cookie', adminCookie).attach('file', bytes, name);
  };

  it('when a head opens the overview, then budget, committed, pending, remaining and the district table are on one page', async () => {
    const res = await page(headCookie, `/berichte?runde=${roundId}`);
    expect(res.status).toBe(200);
    const text = res.text.replace(/\s+/g, ' ');
    expect(text).toContain('<dt>Haushaltsansatz</dt><dd>35.000,00 €</dd>');
    expect(text).toMatch(/<dt>Gebunden \(bewilligt\)<\/dt><dd>10\.000,00 €/);
    expect(text).toMatch(/<dt>Empfohlen, noch nicht entschieden<\/dt><dd>2\.500,00 €/);
    expect(text).toContain('<dt>Verbleibend</dt><dd>25.000,00 €</dd>');
    expect(text).toContain('22.500,00 €');
    expect(text).toMatch(/<th scope="row" class="kern-table__cell">Rieth<\/th>.*?10\.500,00 €/);
    expect(text).toContain('Februar 2027');
    // Charts are accessible images named by their title and description.
    expect(res.text).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-budget-title chart-budget-desc"/);
    expect(res.text).toContain('<title id="chart-planningArea-title">Bewilligte Beträge nach Planungsraum, Runde FRL SOZIALES 2027</title>');
    // No shapes yet: the page says so and keeps the table.
    expect(text).toContain('noch keine Umrisse hinterlegt');
  });

  it('when the overview and funding tables are downloaded, then the files hold the figures of the page', async () => {
    const districts = csvRecords(await page(headCookie, `/berichte?runde=${roundId}&tabelle=ortsteile&format=csv`).buffer(true).parse(binaryParser));
    expect(districts.find((r) => r.Ortsteil === 'Rieth')).toMatchObject({ Sozialindex: '78,20', Einwohner: '6400', Bewilligt: '6000,00', 'Bewilligt je Einwohner': '0,94' });
    expect(districts.at(-1)).toMatchObject({ Ortsteil: 'Summe', Anträge: '6', Bewilligt: '10000,00' });
    const budget = await xlsxRecords(await page(headCookie, `/berichte?runde=${roundId}&tabelle=haushalt&format=xlsx`).buffer(true).parse(binaryParser));
    expect(budget.rows.map((r) => r['Im Monat gebunden']!.value)).toEqual([6000, 4000]);
    const fields = csvRecords(await page(headCookie, `/berichte/foerderung?runde=${roundId}&nach=handlungsfeld&format=csv`).buffer(true).parse(binaryParser));
    expect(fields.find((r) => r.Handlungsfeld === 'Nachbarschaft und Begegnung')).toMatchObject({ Anträge: '2', 'davon abgelehnt': '1', Beantragt: '8200,00' });
    const times = csvRecords(await page(headCookie, `/berichte/foerderung?runde=${roundId}&tabelle=dauer&format=csv`).buffer(true).parse(binaryParser));
    expect(times.slice(0, 3).map((r) => [r.Anzahl, r.Tage])).toEqual([['3', ''], ['', '30,00'], ['', '75,50']]);
  });

  it('when the funding page is shown by social-index class, then its table and chart have the three classes and links keep the scope', async () => {
    const res = await page(headCookie, `/berichte/foerderung?runde=${roundId}&nach=sozialindex`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('hoher Bedarf (ab 60)');
    expect(res.text).toContain(`href="?runde=${roundId}&amp;nach=sozialindex&amp;format=xlsx"`);
    expect(res.text).toContain('Median (Tage von der Einreichung bis zur Entscheidung)');
  });

  it('when an admin uploads a valid GeoJSON file, then it is stored and the overview draws every Ortsteil on the map', async () => {
    const res = await upload(Buffer.from(JSON.stringify(schematicDistrictMap())));
    expect(res.status).toBe(303);
    const stored = await t.db.mapLayer.findUniqueOrThrow({ where: { id: 'districts' } });
    expect(stored.featureCount).toBe(await t.db.district.count());
    expect(stored.fileName).toBe('ortsteile.geojson');
    const overview = await page(headCookie, `/berichte?runde=${roundId}`);
    expect(overview.text).toMatch(/<svg [^>]*id="map-districts"[^>]*role="img"/);
    expect(overview.text).toMatch(/<path d="M[^"]+"[^>]*><title>Rieth: 0,94\s€ je Einwohner \(6\.000,00\s€ bewilligt\)<\/title>/);
    const byIndex = await page(headCookie, `/berichte?runde=${roundId}&farbe=sozialindex`);
    expect(byIndex.text).toContain('<title>Rieth: Sozialindex 78,2</title>');
    expect(byIndex.text).toContain('hoher Bedarf (ab 60)');
  });

  it('when a file leaves out Ortsteile, then the rest is stored and the page names the missing ones', async () => {
    const map = schematicDistrictMap();
    const res = await upload(Buffer.from(JSON.stringify({ ...map, features: map.features.slice(0, 3) })));
    expect(res.status).toBe(303);
    const after = await page(adminCookie, '/admin/karte');
    expect(after.text).toContain('Die Umrisse von 3 Ortsteilen sind gespeichert. Ohne Umriss');
    expect(after.text).toContain('Marbach');
  });

  it('when uploaded files are broken, then nothing changes and each problem is named with its feature', async () => {
    const before = await t.db.mapLayer.findUniqueOrThrow({ where: { id: 'districts' } });
    const feature = (name: string, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties: { name }, geometry: { type, coordinates } });
    const square = [[[11, 51], [11.1, 51], [11.1, 50.9], [11, 50.9], [11, 51]]];
    const cases: [string, unknown, RegExp][] = [
      ['not JSON', 'kein json {', /kein gültiges JSON/],
      ['not a collection', { type: 'Feature' }, /keine GeoJSON-FeatureCollection/],
      ['empty', { type: 'FeatureCollection', features: [] }, /keine Umrisse/],
      ['unknown district', { type: 'FeatureCollection', features: [feature('Atlantis', square)] }, /Objekt 1 \(„Atlantis“\): Einen Ortsteil dieses Namens gibt es im Portal nicht/],
      ['duplicate', { type: 'FeatureCollection', features: [feature('Rieth', square), feature('rieth', square)] }, /Objekt 2 \(„rieth“\): Für den Ortsteil Rieth gibt es bereits/],
      ['open ring', { type: 'FeatureCollection', features: [feature('Rieth', [[[11, 51], [11.1, 51], [11.1, 50.9], [11, 50.9]]])] }, /nicht geschlossen/],
      ['UTM coordinates', { type: 'FeatureCollection', features: [feature('Rieth', [[[642000, 5650000], [643000, 5650000], [643000, 5649000], [642000, 5650000]]])] }, /WGS 84/],
      ['a line', { type: 'FeatureCollection', features: [feature('Rieth', [[11, 51], [11.1, 51]], 'LineString')] }, /&quot;LineString&quot; ist keine Fläche/],
    ];
    for (const [label, body, message] of cases) {
      const res = await upload(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
      expect({ label, status: res.status }).toEqual({ label, status: 422 });
      expect({ label, match: message.test(res.text) }).toEqual({ label, match: true });
      expect(res.text).toContain('href="#field-file"');
    }
    const empty = await upload(Buffer.alloc(0), 'leer.geojson');
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Bitte wählen Sie eine GeoJSON-Datei aus.');
    expect(await t.db.mapLayer.findUniqueOrThrow({ where: { id: 'districts' } })).toEqual(before);
  });

  it('when shapes are put through the API, then the same checks apply and a problem+json lists them', async () => {
    const bad = await request(t.app).put('/api/v1/district-shapes').set('Authorization', `Bearer ${adminToken}`).send({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [11, 51] } }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toEqual({ path: 'file', message: 'Objekt 1: Es fehlt die Eigenschaft "name" oder "id", die den Ortsteil nennt.' });
    const good = await request(t.app).put('/api/v1/district-shapes').set('Authorization', `Bearer ${adminToken}`).send(schematicDistrictMap());
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ featureCount: await t.db.district.count(), missing: [] });
  });

  it('when an admin downloads the template, then it is GeoJSON the upload accepts', async () => {
    const res = await page(adminCookie, '/admin/karte/vorlage');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('ortsteile-schema.geojson');
    expect((await upload(Buffer.from(res.text))).status).toBe(303);
  });
});
