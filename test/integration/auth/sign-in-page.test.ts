import request from 'supertest';
import pino from 'pino';
import { csrfOf, createTestApp, csrfTokenFrom, signInCookie, type TestApp } from '../../support/app';
import { buildUser, PASSWORD } from '../../support/factories';
import { createApp, SESSION_COOKIE } from '../../../src/app';
import { loadConfig } from '../../../src/config';

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

describe('sign-in page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when the form is opened, then it is German, labelled and carries a CSRF token', async () => {
    const res = await request(t.app).get('/anmelden');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="de">');
    expect(res.text).toMatch(/<label[^>]*for="field-email"/);
    expect(res.text).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it('when the credentials are right, then the session id changes and the start page greets the user', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const agent = request.agent(t.app);
    const page = await agent.get('/anmelden');
    const before = sessionCookie(page)!.split(';')[0];
    const _csrf = csrfOf(page.text);
    const res = await agent.post('/anmelden').type('form').send({ email: user.email, password: PASSWORD, _csrf, next: '/' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const after = sessionCookie(res)!;
    expect(after.split(';')[0]).not.toBe(before);
    expect(after).toMatch(/HttpOnly/i);
    expect(after).toMatch(/SameSite=Lax/i);
    const home = await agent.get('/');
    expect(home.text).toContain(user.name);
    expect(home.text).toContain('Sie sind angemeldet.');
  });

  it('when the password is wrong, then the form shows an error summary with status 401 and keeps the e-mail', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const agent = request.agent(t.app);
    const _csrf = await csrfTokenFrom(agent);
    const res = await agent.post('/anmelden').type('form').send({ email: user.email, password: 'falsches-passwort', _csrf });
    expect(res.status).toBe(401);
    expect(res.text).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    expect(res.text).toContain(`value="${user.email}"`);
    expect(res.text).toContain('href="#field-email"');
  });

  it('when the CSRF token is missing or wrong, then the sign-in is refused with 403 and nobody is signed in', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const agent = request.agent(t.app);
    await csrfTokenFrom(agent);
    const missing = await agent.post('/anmelden').type('form').send({ email: user.email, password: PASSWORD });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Das Formular ist abgelaufen');
    const wrong = await agent.post('/anmelden').type('form').send({ email: user.email, password: PASSWORD, _csrf: 'forged' });
    expect(wrong.status).toBe(403);
    const me = await agent.get('/api/v1/me');
    expect(me.status).toBe(401);
  });

  it('when next points to another site, then the sign-in redirects home instead', async () => {
    const user = await buildUser(t.db, 'head');
    const agent = request.agent(t.app);
    const _csrf = await csrfTokenFrom(agent);
    const res = await agent.post('/anmelden').type('form').send({ email: user.email, password: PASSWORD, _csrf, next: '//evil.example/' });
    expect(res.headers.location).toBe('/');
  });

  it('when a page needs a sign-in, then the person is sent to the form and back', async () => {
    const res = await request(t.app).get('/admin/benutzer');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/anmelden?next=%2Fadmin%2Fbenutzer');
  });

  it('when the user signs out, then the old session cookie no longer works', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const cookie = await signInCookie(t.app, user.email, PASSWORD);
    const home = await request(t.app).get('/').set('Cookie', cookie);
    const _csrf = csrfOf(home.text);
    const out = await request(t.app).post('/abmelden').set('Cookie', cookie).type('form').send({ _csrf });
    expect(out.status).toBe(303);
    const replay = await request(t.app).get('/api/v1/me').set('Cookie', cookie);
    expect(replay.status).toBe(401);
  });

  it('when the session is kept in the database, then a second app on the same database accepts it', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const cookie = await signInCookie(t.app, user.email, PASSWORD);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    const other = createApp({
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.testDb.url, LOG_LEVEL: 'silent' }),
      database: t.testDb.database,
      logger: pino({ level: 'silent' }),
    });
    const viaOther = await request(other).get('/api/v1/me').set('Cookie', cookie);
    expect(viaOther.status).toBe(200);
    expect(viaOther.body.email).toBe(user.email);
  });
});
