import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { buildActors, type ActorName, type TestActor } from '../../support/actors';
import { buildDraftApplication, completeApplication } from '../../support/cases';

const TITLES = ['Aktion 100% Nachbarschaft', 'Jugend_treff am Anger', 'Seniorencafé Rieth', "O'Brien's Erzählcafé", 'Back\\slash Werkstatt'];

describe('injection attempts in search, filters and parameters', () => {
  let t: TestApp;
  let actors: Record<ActorName, TestActor>;

  beforeAll(async () => {
    t = await createTestApp();
    actors = await buildActors(t);
    for (const title of TITLES) await buildDraftApplication(t, actors.applicant.token!, { ...completeApplication, title });
    await buildDraftApplication(t, actors.otherApplicant.token!, { ...completeApplication, title: 'Geheimes Vorhaben 100% anderer Träger' });
  }, 60_000);
  afterAll(() => t.close());

  const api = (query: string) => request(t.app).get(`/api/v1/applications?${query}`).set('Authorization', `Bearer ${actors.applicant.token}`);
  const titlesOf = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title).sort();
  const q = (value: string) => `q=${encodeURIComponent(value)}`;

  it.each([
    ['%', ['Aktion 100% Nachbarschaft']],
    ['_', ['Jugend_treff am Anger']],
    ['100%', ['Aktion 100% Nachbarschaft']],
    ['%café%', []],
    ['a_e', []],
    ["O'Brien", ["O'Brien's Erzählcafé"]],
    ['\\', ['Back\\slash Werkstatt']],
    ['\\%', []],
    ["' OR '1'='1", []],
    ["') OR 1=1 --", []],
    ['"; DROP TABLE "Case"; --', []],
    ['1; SELECT * FROM "User"', []],
    ['*', []],
    ['$ne', []],
    ['😀', []],
    // Case does not matter, on either database, with or without LIKE's own characters.
    ['seniorencafé', ['Seniorencafé Rieth']],
    ['JUGEND_TREFF', ['Jugend_treff am Anger']],
  ] as [string, string[]][])('when the search is %j, then it is matched literally within the caller\'s cases only', async (value, expected) => {
    const res = await api(q(value));
    expect(res.status).toBe(200);
    expect(titlesOf(res)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it('when everything was searched, then every table is still there', async () => {
    expect(await t.db.case.count()).toBeGreaterThanOrEqual(TITLES.length + 1);
    expect(await t.db.user.count()).toBeGreaterThan(0);
  });

  it.each([
    ['a search of 10,000 characters', q('x'.repeat(10_000)), 422],
    ['a search given twice (array)', 'q=a&q=b', 422],
    ['a search with a NUL byte', 'q=Jugend%00', 400],
    ['a state with SQL', `state=${encodeURIComponent("draft' OR '1'='1")}`, 422],
    ['a state given twice (array)', 'state=draft&state=submitted', 422],
    ['a state of 1,000 characters', `state=${'a'.repeat(1000)}`, 422],
    ['a negative page', 'page=-1', 422],
    ['a page of zero', 'page=0', 422],
    ['a fractional page', 'page=1.5', 422],
    ['a page beyond any number', 'page=1e309', 422],
    ['a page that is text', 'page=eins', 422],
    ['a page size of 10,000', 'pageSize=10000', 422],
    ['a page given twice', 'page=1&page=2', 422],
    ['a NUL byte in a parameter name', 'q%00=x', 400],
  ])('when the list gets %s, then it answers %i, never 500', async (_label, query, status) => {
    const res = await api(query);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('when the search is broken percent-encoding, then it is searched as it came and finds nothing', async () => {
    const res = await api('q=%E0%A4%A');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it.each(['q[$ne]=x', 'q[]=x', 'state[$in][]=draft', '__proto__[admin]=1', 'constructor[prototype][role]=admin'])(
    'when the query %s tries an object or prototype trick, then it is an unknown key and changes nothing',
    async (query) => {
      const res = await api(query);
      expect(res.status).toBe(200);
      expect(titlesOf(res)).toEqual([...TITLES].sort());
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    },
  );

  it.each([
    ["/api/v1/applications/' OR '1'='1", 404],
    ['/api/v1/applications/1%20OR%201=1', 404],
    ['/api/v1/applications/..%2F..%2Fetc%2Fpasswd', 404],
    [`/api/v1/applications/${'x'.repeat(5000)}`, 404],
    ['/api/v1/applications/abc%00def', 400],
    ["/api/v1/notices/' OR 1=1 --", 404],
    ["/api/v1/verify/' OR 1=1 --", 404],
    ['/api/v1/verify/%25', 404],
  ])('when a path parameter is %s, then the answer is %i', async (path, status) => {
    const res = await request(t.app).get(path.replace(/ /g, '%20').replace(/'/g, '%27')).set('Authorization', `Bearer ${actors.applicant.token}`);
    expect(res.status).toBe(status);
  });

  it.each([
    ['/antraege', q('%'), 200],
    ['/antraege', q('x'.repeat(10_000)), 422],
    ['/antraege', 'q=a&q=b', 422],
    ['/antraege', 'gruppe=%27%20OR%201=1', 200],
    ['/antraege', 'q=%00', 400],
    ['/stellungnahmen', `${q("' OR 1=1 --")}&offen=%27`, 200],
    ['/stellungnahmen', 'page=-5', 422],
  ])('when the page %s gets %s, then it answers %i with a page, never 500', async (path, query, status) => {
    const res = await actors.applicant.agent.get(`${path}?${query}`);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('when the page search holds a wildcard, then only the literal match is listed', async () => {
    const res = await actors.applicant.agent.get(`/antraege?${q('%')}`);
    expect(res.text).toContain('Aktion 100% Nachbarschaft');
    expect(res.text).not.toContain('Seniorencafé Rieth');
  });

  it.each([
    ['status', `status=${encodeURIComponent("approved' OR '1'='1")}`],
    ['status array', 'status=pending&status=approved'],
  ])('when the organisations filter gets a hostile %s, then the page still answers 200', async (_label, query) => {
    expect((await actors.admin.agent.get(`/admin/organisationen?${query}`)).status).toBe(200);
  });

  it.each([
    ['code', `code=${encodeURIComponent("' OR 1=1 --")}`, 303],
    ['code array', 'code=a&code=b', 200],
    ['code of 10,000 characters', `code=${'A'.repeat(10_000)}`, 303],
  ])('when the public verification gets a hostile %s, then it answers %i', async (_label, query, status) => {
    expect((await request(t.app).get(`/verify?${query}`)).status).toBe(status);
  });

  it.each([
    ['a NUL byte in a JSON string', { title: 'Titel\u0000mit NUL' }, 400],
    ['a NUL byte in a JSON key', { 'title\u0000': 'x' }, 400],
    ['an array where a string belongs', { title: ['a', 'b'] }, 422],
    ['an object where a string belongs', { title: { $ne: null } }, 422],
    ['a number where money belongs', { requestedAmount: 1e308 }, 422],
    ['money with SQL', { requestedAmount: "1'; DROP TABLE \"Case\"; --" }, 422],
    ['a title of 100,000 characters', { title: 'x'.repeat(100_000) }, 422],
  ])('when a case is created with %s, then it answers %i', async (_label, body, status) => {
    const before = await t.db.case.count();
    const res = await request(t.app).post('/api/v1/applications').set('Authorization', `Bearer ${actors.applicant.token}`).send({ ...completeApplication, ...body });
    expect(res.status).toBe(status);
    expect(await t.db.case.count()).toBe(before);
  });

  it.each([
    '/assets/../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/kern/..%2f..%2f..%2fpackage.json',
    '/assets/css/app.css%00.js',
  ])('when a static path %s tries to climb out of its folder, then no file outside it is served', async (path) => {
    const res = await request(t.app).get(path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.text ?? '').not.toContain('"dependencies"');
  });

  it.each(['//evil.example/', '/\\evil.example', 'https://evil.example', '/\t/evil.example', '/%09/evil.example', 'javascript:alert(1)'])(
    'when sign-in is asked to continue to %j, then it stays on this site',
    async (next) => {
      const res = await actors.applicant.agent.get(`/anmelden?next=${encodeURIComponent(next)}`);
      expect(res.status).toBe(303);
      // Resolved the way a browser does, which also drops tabs and newlines from a URL.
      const location = (res.headers.location as string).replace(/[\t\n\r]/g, '');
      expect(new URL(location, 'https://foerderportal.example').origin).toBe('https://foerderportal.example');
    },
  );

  it.each([
    ['__proto__', '{"__proto__":{"polluted":true,"role":"admin"}}', 201],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}', 422],
  ])('when a JSON body carries a %s key, then no object anywhere is polluted', async (_label, extra, status) => {
    const body = `${JSON.stringify(completeApplication).slice(0, -1)},${extra.slice(1)}`;
    const res = await request(t.app).post('/api/v1/applications').set('Authorization', `Bearer ${actors.applicant.token}`).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    const me = await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${actors.applicant.token}`);
    expect(me.body.role).toBe('applicant');
  });

  it('when a form field holds a NUL byte, then the form is refused with 400', async () => {
    const res = await actors.applicant.agent.post('/antraege/neu').type('form').send({ title: 'a\u0000b', _csrf: actors.applicant.csrf });
    expect(res.status).toBe(400);
  });
});
