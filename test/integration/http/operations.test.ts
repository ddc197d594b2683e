import pino from 'pino';
import request from 'supertest';
import { sign } from 'cookie-signature';
import { createApp, SESSION_COOKIE } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { openDatabase } from '../../../src/db/client';
import { createTestApp, signInCookie, type TestApp } from '../../support/app';
import { buildUser, PASSWORD } from '../../support/factories';

describe('operations and HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when the database answers, then /healthz is 200 ok', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when the OpenAPI document is requested, then it is 3.1 and lists the account routes with their schemas', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/tokens', '/api/v1/auth/tokens/current', '/api/v1/me', '/api/v1/organisations', '/api/v1/users']) {
      expect(res.body.paths).toHaveProperty([path]);
    }
    const userInput = res.body.components.schemas.UserInput;
    expect(userInput.properties.role.enum).toEqual(['applicant', 'coordinator', 'head', 'admin']);
    expect(userInput.properties.password.minLength).toBe(12);
  });

  it('when an API route does not exist, then 404 problem+json', async () => {
    const res = await request(t.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Seite nicht gefunden' });
  });

  it('when a URL is malformed, then 400 problem+json rather than an error', async () => {
    const res = await request(t.app).get('/api/v1/verify/%ZZ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('when a page does not exist, then a German 404 page with a way home', async () => {
    const res = await request(t.app).get('/gibt-es-nicht');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Seite nicht gefunden');
    expect(res.text).toContain('href="/"');
  });

  it('when a signed-in person opens an admin page without the role, then a German 403 page', async () => {
    const user = await buildUser(t.db, 'head');
    const cookie = await signInCookie(t.app, user.email, PASSWORD);
    const res = await request(t.app).get('/admin/benutzer').set('Cookie', cookie);
    expect(res.status).toBe(403);
    expect(res.text).toContain('Keine Berechtigung');
  });

  it('when any response is sent, then it has a strict CSP and the other security headers', async () => {
    for (const path of ['/', '/api/v1/me', '/healthz', '/assets/css/app.css', '/gibt-es-nicht']) {
      const res = await request(t.app).get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-request-id']).toBeDefined();
    }
  });

  it('when the page and the design system are requested, then KERN is served locally', async () => {
    const page = await request(t.app).get('/');
    expect(page.text).toContain('/assets/kern/kern.min.css');
    expect(page.text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const css = await request(t.app).get('/assets/kern/kern.min.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  it.each([
    ['applicant', 'Personen'],
    ['coordinator', 'Arbeitskorb'],
    ['head', 'Arbeitskorb'],
    ['admin', 'Benutzerkonten verwalten'],
  ] as const)('when a %s signs in, then the start page fits the role', async (role, text) => {
    const user = await buildUser(t.db, role);
    const cookie = await signInCookie(t.app, user.email, PASSWORD);
    const res = await request(t.app).get('/').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain(text);
    expect(res.text).toContain(user.name);
  });

  it('when the database does not answer, then /healthz is 503 ', async () => {
    // A PostgreSQL address where nothing listens: the real driver fails to connect.
    const url = 'postgresql://postgres@127.0.0.1:9/unreachable';
    const database = await openDatabase(url);
    const app = createApp({
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' }),
      database,
      logger: pino({ level: 'silent' }),
    });
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable' });
    const api = await request(app).post('/api/v1/auth/tokens').send({ email: 'a@test.example', password: 'irgendein-passwort' });
    expect(api.status).toBe(503);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.text).not.toContain('127.0.0.1');
    // A validly signed session cookie makes the page look its session up in the database.
    const sid = `s:${sign('some-session-id', app.services.config.sessionSecret)}`;
    const page = await request(app).get('/').set('Cookie', `${SESSION_COOKIE}=${encodeURIComponent(sid)}`);
    expect(page.status).toBe(503);
    expect(page.text).toContain('Dienst vorübergehend nicht verfügbar');
    await database.close();
  });
});
