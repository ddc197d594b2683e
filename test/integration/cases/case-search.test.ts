import request from 'supertest';
import { bearerToken, createTestApp, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildDraftApplication, completeApplication } from '../../support/cases';
import { MOST_INDEXED_MATCHES } from '../../../src/cases/search-index';

// The search through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) must answer
// exactly as comparing the text with every case: these run on both databases.
describe('searching cases by a text in the title or the reference', () => {
  let t: TestApp;
  let applicant: string;
  const sqlite = () => t.testDb.database.provider === 'sqlite';

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db);
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const search = async (q: string) => {
    const res = await request(t.app).get(`/api/v1/applications?pageSize=100&q=${encodeURIComponent(q)}`).set('Authorization', `Bearer ${applicant}`);
    expect(res.status).toBe(200);
    const body = res.body as { total: number; items: { id: string }[] };
    expect(body.items).toHaveLength(Math.min(body.total, 100));
    return body;
  };
  const ids = async (q: string) => (await search(q)).items.map((i) => i.id).sort();
  const draft = (title: string) => buildDraftApplication(t, applicant, { ...completeApplication, title });
  const retitle = async (id: string, title: string) => {
    const res = await request(t.app).patch(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${applicant}`).send({ title });
    expect(res.status).toBe(200);
  };
  const indexIsConsistent = async () => {
    if (sqlite()) await t.db.$executeRawUnsafe(`INSERT INTO "CaseSearch"("CaseSearch") VALUES ('integrity-check')`);
  };

  it('when a title contains the text in any ASCII case, then the search finds it and nothing else', async () => {
    const cafe = await draft('Erzählcafé Bunte Lebenswelten');
    const other = await draft('Hausaufgabenhilfe Herrenberg');
    expect(await ids('bunte leben')).toEqual([cafe.id]);
    expect(await ids('HERRENBERG')).toEqual([other.id]);
    expect(await ids('Lebenswelten Herrenberg')).toEqual([]);
    await indexIsConsistent();
  });

  it('when the reference is searched in lower case, then its case is found', async () => {
    const created = await draft('Stadtteilküche');
    const tail = created.reference.slice(-8).toLowerCase();
    expect(await ids(tail)).toContain(created.id);
    expect(await ids(created.reference.toLowerCase())).toEqual([created.id]);
  });

  it('when a title changes, then the new text finds the case and the old one no longer does', async () => {
    const created = await draft('Spielmobil Nordstrand');
    await retitle(created.id, 'Spielplatzpaten Südost');
    expect(await ids('Nordstrand')).toEqual([]);
    expect(await ids('platzpaten')).toEqual([created.id]);
    await indexIsConsistent();
  });

  it('when the text holds %, _ or a double quote, then they are taken literally', async () => {
    const percent = await draft('Kiez zu 100% inklusiv');
    const underscore = await draft('Projekt Jugend_treff');
    const quoted = await draft('Der "Kiezladen" lädt ein');
    await draft('Kiez zu 1000 inklusiv');
    await draft('Projekt Jugendstreff');
    expect(await ids('100%')).toEqual([percent.id]);
    expect(await ids('u 100% ink')).toEqual([percent.id]);
    expect(await ids('d_tr')).toEqual([underscore.id]);
    expect(await ids('"Kiezladen"')).toEqual([quoted.id]);
    expect(await ids('Kiezladen" lädt')).toEqual([quoted.id]);
  });

  it('when the text is shorter than three characters, then the search still compares it with every case', async () => {
    const created = await draft('Treff Qx am Markt');
    expect(await ids('Qx')).toEqual([created.id]);
  });

  it('when the text looks like index syntax (NEAR, *, column filters), then it is still plain text', async () => {
    const created = await draft('Suche NEAR(a b) * title : x');
    expect(await ids('NEAR(a b)')).toEqual([created.id]);
    expect(await ids('title : x')).toEqual([created.id]);
    expect(await ids('b) * t')).toEqual([created.id]);
  });

  it('when a non-ASCII letter differs in case, then it is found or not as the database compares it', async () => {
    const created = await draft('Ökumenischer Mittagstisch');
    expect(await ids('Ökumenischer')).toEqual([created.id]);
    // SQLite's LIKE folds ASCII letters only; PostgreSQL's ILIKE folds Ö too.
    expect(await ids('ökumenischer')).toEqual(sqlite() ? [] : [created.id]);
  });

  it('when more cases match than the index hands over, then the list still shows every one and counts them all', async () => {
    const org = await t.db.organisation.findFirstOrThrow();
    const user = await t.db.user.findFirstOrThrow({ where: { organisationId: org.id } });
    const many = MOST_INDEXED_MATCHES + 5;
    await t.db.case.createMany({
      data: Array.from({ length: many }, (_, i) => ({
        kind: 'application',
        reference: `TEST-MASS-${String(i).padStart(5, '0')}`,
        organisationId: org.id,
        state: 'draft',
        machineVersion: 1,
        context: '{}',
        title: `Massenprojekt Nummer ${i}`,
        createdById: user.id,
      })),
    });
    const found = await search('massenprojekt');
    expect(found.total).toBe(many);
    expect((await search('Nummer 1000')).total).toBe(1);
    expect((await search('test-mass-00100')).total).toBe(1);
    await indexIsConsistent();
  });

  it('when cases are deleted, then the index forgets them', async () => {
    const created = await draft('Vergängliches Projekt Abendrot');
    expect(await ids('Abendrot')).toEqual([created.id]);
    await t.db.case.delete({ where: { id: created.id } });
    expect(await ids('Abendrot')).toEqual([]);
    if (sqlite()) {
      const left = await t.db.$queryRawUnsafe<unknown[]>(`SELECT rowid FROM "CaseSearch" WHERE "CaseSearch" MATCH '"Abendrot"'`);
      expect(left).toEqual([]);
    }
    await indexIsConsistent();
  });

  it('when the migrations have run, then SQLite has the index triggers and PostgreSQL the trigram indexes', async () => {
    const indexes = sqlite()
      ? await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE name LIKE 'Case_search_%' ORDER BY name`)
      : await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname AS name FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname`);
    expect(indexes.map((i) => i.name)).toEqual(
      sqlite() ? ['Case_search_delete', 'Case_search_insert', 'Case_search_update'] : ['Case_reference_trgm_idx', 'Case_title_trgm_idx'],
    );
  });
});
