import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildDraftApplication, attachRequiredDocuments, completeApplication, sendEvent } from '../../support/cases';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const HEADER = 'Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner';

describe('Ortsteile: administration and CSV import', () => {
  let t: TestApp;
  let admin: string;
  let adminCookie: string;
  let coordinator: string;
  let applicant: string;

  beforeAll(async () => {
    t = await createTestApp();
    const adminUser = await buildUser(t.db, 'admin');
    admin = await bearerToken(t.app, adminUser.email, PASSWORD);
    adminCookie = await signInCookie(t.app, adminUser.email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: (await buildApprovedOrganisation(t.db)).id })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const importCsv = (text: string | Buffer, token = admin) => request(t.app).post('/api/v1/districts/import').set(auth(token)).set('Content-Type', 'text/csv').send(Buffer.from(text));
  const snapshot = async () => ({
    districts: await t.db.district.findMany({ orderBy: { id: 'asc' } }),
    indicators: await t.db.districtIndicator.findMany({ orderBy: [{ districtId: 'asc' }, { year: 'asc' }], omit: { id: true, updatedAt: true } }),
  });

  it('when a good file is imported, then known Ortsteile are updated, new ones created and the figures stored per year', async () => {
    const res = await importCsv(`\uFEFF${HEADER}\r\nRieth;Nord;2027;78,25;6.400\r\nRieth;Nord;2026;77,4;6.360\r\nNeu-Ost;Ost;2027;55,5;1.200\r\n`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 3, created: 1, updated: 1 });
    expect(await t.db.district.findUniqueOrThrow({ where: { id: 'neu-ost' } })).toMatchObject({ name: 'Neu-Ost', planningArea: 'Ost', active: true });
    const list = (await request(t.app).get('/api/v1/districts?year=2027').set(auth(coordinator))).body.items as { id: string }[];
    expect(list.find((d) => d.id === 'rieth')).toEqual({ id: 'rieth', name: 'Rieth', planningArea: 'Nord', active: true, year: 2027, socialIndex: 78.25, inhabitants: 6400 });
    // A year without figures shows the latest before it.
    const later = (await request(t.app).get('/api/v1/districts?year=2030').set(auth(coordinator))).body.items as { id: string; year: number }[];
    expect(later.find((d) => d.id === 'rieth')!.year).toBe(2027);
    expect((await request(t.app).get('/api/v1/districts?year=2027').set(auth(applicant))).status).toBe(403);
  });

  it('when a file has bad rows, then 422 lists each by line and nothing at all is imported', async () => {
    const before = await snapshot();
    const res = await importCsv(`${HEADER}\nAltstadt;Innenstadt;2027;38,5;20.400\nRieth;Nord;2027;78.25;6400\nGanz-Neu;;2027;10;10\nMarbach;Nord;2027;20;3.000.000.000\n`);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toBe('Die Datei wurde nicht importiert, weil sie Fehler enthält. Bitte korrigieren Sie die genannten Zeilen und laden Sie sie erneut hoch.');
    expect(res.body.errors).toEqual([
      { path: 'file', message: 'Zeile 3: „78.25“ ist kein Sozialindex (Zahl mit Dezimalkomma, z. B. 61,25).' },
      { path: 'file', message: 'Zeile 4: Der Planungsraum fehlt.' },
      { path: 'file', message: 'Zeile 5: „3.000.000.000“ ist keine Einwohnerzahl (ganze Zahl bis 10.000.000, z. B. 6400 oder 6.400).' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('when the file is not UTF-8, not CSV or too large, then it is refused with a clear answer', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x42, 0xfc, 0xdf, 0x6c, 0x65, 0x62, 0x65, 0x6e]), Buffer.from(';Ost;2027;20;1300\n')]);
    const notUtf8 = await importCsv(latin1);
    expect(notUtf8.status).toBe(422);
    expect(notUtf8.body.errors[0].message).toContain('nicht in UTF-8 gespeichert');
    expect((await request(t.app).post('/api/v1/districts/import').set(auth(admin)).send({ csv: HEADER })).status).toBe(415);
    expect((await importCsv(`${HEADER}\n${'Rieth;Nord;2027;78,25;6400\n'.repeat(45_000)}`)).status).toBe(413);
    expect((await importCsv(`${HEADER}\nRieth;Nord;2027;78,25;6400\n`, coordinator)).status).toBe(403);
  });

  it('when an admin saves one Ortsteil through the API, then planning area and figures are stored; bad numbers are 422', async () => {
    const saved = await request(t.app).post('/api/v1/districts').set(auth(admin)).send({ name: 'Altstadt', planningArea: 'Innenstadt', year: 2028, socialIndex: 39.1, inhabitants: 20500 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: 'altstadt', year: 2028, socialIndex: 39.1, inhabitants: 20500 });
    const bad = await request(t.app).post('/api/v1/districts').set(auth(admin)).send({ name: 'Altstadt', planningArea: 'Innenstadt', year: 1900, socialIndex: 'viel', inhabitants: -1 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['inhabitants', 'socialIndex', 'year']);
    const huge = await request(t.app).post('/api/v1/districts').set(auth(admin)).send({ name: 'Altstadt', planningArea: 'Innenstadt', year: 2028, socialIndex: 39.1, inhabitants: 3_000_000_000 });
    expect(huge.status).toBe(422);
    expect(huge.body.errors).toEqual([{ path: 'inhabitants', message: 'Bitte geben Sie die Einwohnerzahl als ganze Zahl bis 10.000.000 an.' }]);
  });

  it('when an admin uses the page, then the form saves with German numbers and a bad import file shows every row error', async () => {
    const page = await request(t.app).get('/admin/ortsteile?jahr=2027').set('Cookie', adminCookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ortsteile und Kennzahlen 2027');
    expect(page.text).toMatch(/78,25/);
    const token = csrfOf(page.text);
    const saved = await request(t.app).post('/admin/ortsteile').set('Cookie', adminCookie).type('form').send({ _csrf: token, name: 'Rieth', planningArea: 'Nord', year: '2028', socialIndex: '79,5', inhabitants: '6.450' });
    expect(saved.status).toBe(303);
    expect(await t.db.districtIndicator.findUniqueOrThrow({ where: { districtId_year: { districtId: 'rieth', year: 2028 } } })).toMatchObject({ socialIndex: 79.5, inhabitants: 6450 });
    const invalid = await request(t.app).post('/admin/ortsteile').set('Cookie', adminCookie).type('form').send({ _csrf: token, name: '', planningArea: 'Nord', year: '2028', socialIndex: 'hoch', inhabitants: '1' });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('href="#field-socialIndex"');
    expect(invalid.text).toContain('href="#field-name"');

    const before = await snapshot();
    const bad = await request(t.app)
      .post(`/admin/ortsteile/import?_csrf=${encodeURIComponent(token)}`)
      .set('Cookie', adminCookie)
      .attach('file', Buffer.from(`${HEADER}\nRieth;Nord;2029;80;6500\nMarbach;West;20x9;31,4;6300\nTiefthal;West;2029;19,5;neun\n`), 'ortsteile.csv');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Nichts importiert');
    expect(bad.text).toContain('Zeile 3: „20x9“ ist kein Jahr (z. B. 2027).');
    expect(bad.text).toContain('Zeile 4: „neun“ ist keine Einwohnerzahl (ganze Zahl bis 10.000.000, z. B. 6400 oder 6.400).');
    expect(bad.text).toContain('href="#field-file"');
    expect(await snapshot()).toEqual(before);

    const good = await request(t.app)
      .post(`/admin/ortsteile/import?_csrf=${encodeURIComponent(token)}`)
      .set('Cookie', adminCookie)
      .attach('file', Buffer.from(`${HEADER}\nRieth;Nord;2029;80;6500\n`), 'ortsteile.csv');
    expect(good.status).toBe(303);
    const after = await request(t.app).get('/admin/ortsteile').set('Cookie', adminCookie);
    expect(after.text).toContain('1 Zeilen importiert: 0 Ortsteile neu angelegt, 1 aktualisiert.');
  });

  it('when a provider submits without a district, then the submission names the missing Ortsteil', async () => {
    const { district: _district, ...withoutDistrict } = completeApplication;
    const draft = await buildDraftApplication(t, applicant, withoutDistrict);
    await attachRequiredDocuments(t, applicant, draft.id);
    const res = await sendEvent(t, applicant, draft.id, { type: 'SUBMIT' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({ path: 'district', message: 'Ortsteil fehlt.' });
  });
});
