import request from 'supertest';
import { createTestApp, csrfTokenFrom, type TestApp } from '../../support/app';
import { buildActors, type ActorName, type TestActor } from '../../support/actors';
import { PDF_BYTES, buildDraftApplication, completeApplication } from '../../support/cases';
import { storedKeys } from '../../support/stored-files';

const BASE_URL = 'https://foerderportal.example';

describe('cross-site request forgery', () => {
  let t: TestApp;
  let actors: Record<ActorName, TestActor>;
  let caseId: string;
  let foreignToken: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { BASE_URL } });
    actors = await buildActors(t);
    caseId = (await buildDraftApplication(t, actors.applicant.token!)).id;
    // A valid token, but of somebody else's session.
    foreignToken = await csrfTokenFrom(request.agent(t.app));
  }, 60_000);
  afterAll(() => t.close());

  /** What a forged request could change: files, attachments, comments, cases, audit entries, jobs. */
  const footprint = async () => ({
    files: await storedKeys(t),
    attachments: await t.db.attachment.count(),
    comments: await t.db.comment.count(),
    cases: await t.db.case.count(),
    audit: await t.db.auditEvent.count(),
    outbox: await t.db.outboxJob.count(),
  });

  type Forgery = { token?: string; headers?: Record<string, string> };
  const applicant = () => actors.applicant;

  const forgeries: [string, () => Forgery][] = [
    ['no token', () => ({})],
    ['a wrong token', () => ({ token: 'falsch-geraten' })],
    ["another session's token", () => ({ token: foreignToken })],
    ['an empty token', () => ({ token: '' })],
    ['the right token from another site (Origin)', () => ({ token: applicant().csrf, headers: { Origin: 'https://evil.example' } })],
    ['the right token from another site (Sec-Fetch-Site: cross-site)', () => ({ token: applicant().csrf, headers: { 'Sec-Fetch-Site': 'cross-site' } })],
    ['the right token from a sibling site (Sec-Fetch-Site: same-site)', () => ({ token: applicant().csrf, headers: { 'Sec-Fetch-Site': 'same-site' } })],
    ['the right token from an opaque origin (Origin: null)', () => ({ token: applicant().csrf, headers: { Origin: 'null' } })],
    ['the right token from a look-alike origin', () => ({ token: applicant().csrf, headers: { Origin: `${BASE_URL}.evil.example` } })],
  ];

  describe.each(forgeries)('with %s', (_label, forgery) => {
    it('when a form is posted, then it is refused with 403 and nothing is written', async () => {
      const before = await footprint();
      const { token, headers = {} } = forgery();
      const res = await applicant().agent.post(`/antraege/${caseId}/kommentare`).set(headers).type('form').send({ body: 'Gefälscht', ...(token !== undefined ? { _csrf: token } : {}) });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(await footprint()).toEqual(before);
    });

    it('when a file form is posted, then it is refused with 403 before the file is stored', async () => {
      const before = await footprint();
      const { token, headers = {} } = forgery();
      const query = token !== undefined ? `?_csrf=${encodeURIComponent(token)}` : '';
      const res = await applicant().agent.post(`/antraege/${caseId}/anlagen${query}`).set(headers).field('kind', 'other').attach('file', PDF_BYTES, 'a.pdf');
      expect(res.status).toBe(403);
      expect(await footprint()).toEqual(before);
    });

    it('when the API is called with the session cookie, then it is refused with 403 and nothing is written', async () => {
      const before = await footprint();
      const { token, headers = {} } = forgery();
      const res = await applicant().agent.post('/api/v1/applications').set({ ...headers, ...(token !== undefined ? { 'X-CSRF-Token': token } : {}) }).send(completeApplication);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await footprint()).toEqual(before);
    });
  });

  it('when the sign-in form is posted without a token, then it is refused with 403 (no login CSRF)', async () => {
    const res = await request(t.app).post('/anmelden').type('form').send({ email: 'x@test.example', password: 'egal-egal-egal' });
    expect(res.status).toBe(403);
  });

  it('when a cross-site page posts to the token endpoint, then it is refused with 403', async () => {
    const res = await request(t.app).post('/api/v1/auth/tokens').set('Origin', 'https://evil.example').send({ email: 'x@test.example', password: 'egal' });
    expect(res.status).toBe(403);
  });

  describe('the genuine requests still pass', () => {
    it('when the form carries its token from the same origin, then the comment is saved', async () => {
      const app = await buildDraftApplication(t, actors.applicant.token!);
      const res = await applicant().agent.post(`/antraege/${app.id}/kommentare`).set({ 'Sec-Fetch-Site': 'same-origin' }).type('form').send({ body: 'Echt', _csrf: applicant().csrf });
      expect(res.status).toBe(303);
    });

    it('when the Origin is the host the request was sent to, then it is accepted', async () => {
      const res = await applicant().agent.post('/api/v1/applications').set({ 'X-CSRF-Token': applicant().csrf, Origin: 'http://portal.intern:8080', Host: 'portal.intern:8080' }).send(completeApplication);
      expect(res.status).toBe(201);
    });

    it('when the Origin is the configured BASE_URL behind a proxy, then it is accepted', async () => {
      const res = await applicant().agent.post('/api/v1/applications').set({ 'X-CSRF-Token': applicant().csrf, Origin: BASE_URL }).send(completeApplication);
      expect(res.status).toBe(201);
    });

    it('when a script posts a file with the token in the header, then it is stored', async () => {
      const res = await applicant().agent.post(`/antraege/${caseId}/anlagen`).set({ 'X-CSRF-Token': applicant().csrf, 'Sec-Fetch-Site': 'same-origin' }).field('kind', 'other').attach('file', PDF_BYTES, 'a.pdf');
      expect(res.status).toBe(303);
    });

    it('when a bearer client sends any Origin, then no CSRF token is needed (no ambient credential)', async () => {
      const res = await request(t.app).post('/api/v1/applications').set({ Authorization: `Bearer ${actors.applicant.token}`, Origin: 'https://tool.example' }).send(completeApplication);
      expect(res.status).toBe(201);
    });
  });
});
