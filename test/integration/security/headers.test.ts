import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { buildActors, type ActorName, type TestActor } from '../../support/actors';
import { buildSubmittedApplication } from '../../support/cases';

type Response = Awaited<ReturnType<ReturnType<typeof request>['get']>>;

describe('security headers on every kind of response', () => {
  let t: TestApp;
  let actors: Record<ActorName, TestActor>;
  let caseId: string;
  let noticeId: string;
  let attachmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    actors = await buildActors(t);
    caseId = (await buildSubmittedApplication(t, actors.applicant.token!)).id;
    await t.app.services.jobs.drain();
    noticeId = (await t.db.notice.findFirstOrThrow({ where: { caseId } })).id;
    attachmentId = (await t.db.attachment.findFirstOrThrow({ where: { caseId } })).id;
  }, 60_000);
  afterAll(() => t.close());

  const bearer = () => ({ Authorization: `Bearer ${actors.applicant.token}` });

  async function uploadToNewDraft(bytes: Buffer, name: string): Promise<Response> {
    const draft = await request(t.app).post('/api/v1/applications').set(bearer()).send({ title: 'Entwurf' });
    return request(t.app).post(`/api/v1/applications/${draft.body.id}/attachments`).set(bearer()).field('kind', 'other').attach('file', bytes, name);
  }

  /** One account over its sign-in limit: the answer to the attempt after the limit. */
  async function tooManySignIns(): Promise<Response> {
    const attempt = () => request(t.app).post('/api/v1/auth/tokens').send({ email: 'niemand@example.org', password: 'falsches-Passwort' });
    let res = await attempt();
    for (let i = 0; i < 10 && res.status !== 429; i++) res = await attempt();
    return res;
  }

  /** The answer while reading stored bytes fails with `failure`. */
  async function withStorageFailure(failure: Error, send: () => Promise<Response>): Promise<Response> {
    const spy = jest.spyOn(t.app.services.storage, 'get').mockRejectedValue(failure);
    try {
      return await send();
    } finally {
      spy.mockRestore();
    }
  }

  /** What Prisma reports when the database server cannot be reached. */
  const databaseAway = () => Object.assign(new Error("Can't reach database server"), { code: 'P1001' });

  /** One request per kind of response, with the status and type that make it that kind. */
  const kinds: [string, () => Promise<Response>, number, RegExp][] = [
    ['an HTML page', () => request(t.app).get('/'), 200, /^text\/html/],
    ['a signed-in HTML page', () => actors.applicant.agent.get(`/antraege/${caseId}`), 200, /^text\/html/],
    ['an HTML form page', () => request(t.app).get('/anmelden'), 200, /^text\/html/],
    ['JSON', () => request(t.app).get('/api/v1/me').set(bearer()), 200, /^application\/json/],
    ['the health check', () => request(t.app).get('/healthz'), 200, /^application\/json/],
    ['a problem+json error (401)', () => request(t.app).get('/api/v1/me'), 401, /^application\/problem\+json/],
    ['a problem+json error (400, malformed JSON)', () => request(t.app).post('/api/v1/applications').set(bearer()).set('Content-Type', 'application/json').send('{"title":'), 400, /^application\/problem\+json/],
    ['an API 404', () => request(t.app).get('/api/v1/gibt-es-nicht').set(bearer()), 404, /^application\/problem\+json/],
    ['a page 404', () => request(t.app).get('/gibt-es-nicht'), 404, /^text\/html/],
    ['a page 403', () => actors.applicant.agent.get('/admin/benutzer'), 403, /^text\/html/],
    ['a redirect', () => request(t.app).get('/antraege'), 303, /^text\/plain/],
    ['a PDF download', () => request(t.app).get(`/api/v1/notices/${noticeId}`).set(bearer()), 200, /^application\/pdf/],
    ['an attachment download', () => actors.applicant.agent.get(`/antraege/${caseId}/anlagen/${attachmentId}`), 200, /^application\/pdf/],
    ['a static style sheet', () => request(t.app).get('/assets/css/app.css'), 200, /^text\/css/],
    ['a static script', () => request(t.app).get('/assets/js/app.js'), 200, /javascript/],
    ['a missing file under the static folders', () => request(t.app).get('/assets/kern/gibt-es-nicht.css'), 404, /^text\/html/],
    ['a problem+json error (422, invalid content)', () => request(t.app).post('/api/v1/applications').set(bearer()).send({ periodStart: 'gestern' }), 422, /^application\/problem\+json/],
    ['a problem+json error (413, body too large)', () => request(t.app).post('/api/v1/applications').set(bearer()).send({ title: 'x'.repeat(1_100_000) }), 413, /^application\/problem\+json/],
    ['a problem+json error (415, file type refused)', () => uploadToNewDraft(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), 'programm.pdf'), 415, /^application\/problem\+json/],
    ['a problem+json error (429, too many sign-ins)', () => tooManySignIns(), 429, /^application\/problem\+json/],
    ['a page 500 (unexpected failure)', () => withStorageFailure(new Error('disk on fire'), () => actors.applicant.agent.get(`/antraege/${caseId}/anlagen/${attachmentId}`)), 500, /^text\/html/],
    ['a problem+json error (500, unexpected failure)', () => withStorageFailure(new Error('disk on fire'), () => request(t.app).get(`/api/v1/applications/${caseId}/attachments/${attachmentId}`).set(bearer())), 500, /^application\/problem\+json/],
    ['a page 503 (database away)', () => withStorageFailure(databaseAway(), () => actors.applicant.agent.get(`/antraege/${caseId}/anlagen/${attachmentId}`)), 503, /^text\/html/],
    ['a problem+json error (503, database away)', () => withStorageFailure(databaseAway(), () => request(t.app).get(`/api/v1/applications/${caseId}/attachments/${attachmentId}`).set(bearer())), 503, /^application\/problem\+json/],
  ];

  describe.each(kinds)('%s', (_label, send, status, type) => {
    let res: Response;
    beforeAll(async () => {
      res = await send();
    });

    it('when it is answered, then it is the kind of response the row means', () => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(type);
    });

    it('when it is answered, then it carries the strict CSP (no inline script, no framing, no base or plugins)', () => {
      const csp = res.headers['content-security-policy'] as string;
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      expect(directives).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
        'form-action': "'self'",
      });
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    });

    it('when it is answered, then sniffing, framing, referrers and cross-origin use are ruled out', () => {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-dns-prefetch-control': 'off',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-request-id']).toMatch(/^[\w-]{1,64}$/);
    });

    it('when it is answered, then only static files may be kept in a cache', () => {
      const cache = res.headers['cache-control'] as string;
      if (_label.startsWith('a static')) expect(cache).not.toMatch(/no-store/);
      else expect(cache).toMatch(/\bno-store\b/);
    });
  });

  it('when a download is answered, then it is an attachment never rendered inline', async () => {
    const pdf = await request(t.app).get(`/api/v1/notices/${noticeId}`).set(bearer());
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    const file = await actors.applicant.agent.get(`/antraege/${caseId}/anlagen/${attachmentId}`);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('when a client sends a hostile request id, then a fresh one is used instead', async () => {
    const res = await request(t.app).get('/healthz').set('X-Request-Id', 'x\r\nSet-Cookie: a=b'.replace(/[\r\n]/g, ' '));
    expect(res.headers['x-request-id']).not.toContain(' ');
  });

  it('when the app runs in production, then HSTS is sent and insecure requests are upgraded', async () => {
    const production = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'a'.repeat(40), BASE_URL: 'https://foerderportal.example' } });
    try {
      const res = await request(production.app).get('/');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await production.close();
    }
  });
});
