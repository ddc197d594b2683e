import request from 'supertest';
import { createTestApp, csrfOf, type TestApp } from '../../support/app';
import { buildUser, PASSWORD } from '../../support/factories';
import { SESSION_COOKIE } from '../../../src/app';

/** The session cookie a response sets, as "name=value", and its attributes. */
function sessionCookieOf(res: { headers: Record<string, unknown> }): { pair: string; attributes: string[] } | undefined {
  const line = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { pair: pair!, attributes: attributes.map((a) => a.toLowerCase()) };
}

describe('sessions, sign-in and sign-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ throttleLimits: { perAccount: 3, perAddress: 1000, windowSeconds: 600 } });
  });
  afterAll(() => t.close());

  /** Opens the sign-in form as a fresh browser: its pre-sign-in cookie and CSRF token. */
  async function openSignIn() {
    const page = await request(t.app).get('/anmelden');
    return { cookie: sessionCookieOf(page)!.pair, csrf: csrfOf(page.text) };
  }

  async function signIn(email: string, password = PASSWORD) {
    const before = await openSignIn();
    const res = await request(t.app).post('/anmelden').set('Cookie', before.cookie).type('form').send({ email, password, _csrf: before.csrf });
    return { before, res, after: sessionCookieOf(res) };
  }

  it('when a person signs in, then the session id changes, so a planted id is useless', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const { before, res, after } = await signIn(user.email);
    expect(res.status).toBe(303);
    expect(after).toBeDefined();
    expect(after!.pair).not.toBe(before.cookie);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', before.cookie)).status).toBe(401);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', after!.pair)).status).toBe(200);
  });

  it('when the session cookie is set, then it is HttpOnly, SameSite, for the whole site and lives at most eight hours', async () => {
    const user = await buildUser(t.db, 'head');
    const { after } = await signIn(user.email);
    expect(after!.attributes).toEqual(expect.arrayContaining(['httponly', 'path=/', 'samesite=lax']));
    const maxAge = after!.attributes.find((a) => a.startsWith('expires='));
    expect(maxAge).toBeDefined();
    const expires = new Date(maxAge!.slice('expires='.length)).getTime();
    expect(expires - Date.now()).toBeLessThanOrEqual(8 * 3600 * 1000 + 5000);
    // Not over plain HTTP in development and tests: Secure is switched on by configuration (below).
    expect(after!.attributes).not.toContain('secure');
  });

  it('when a person signs out, then the old cookie no longer opens anything and the session row is gone', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const { after } = await signIn(user.email);
    const cookie = after!.pair;
    const page = await request(t.app).get('/antraege').set('Cookie', cookie);
    expect(page.status).toBe(200);
    const out = await request(t.app).post('/abmelden').set('Cookie', cookie).type('form').send({ _csrf: csrfOf(page.text) });
    expect(out.status).toBe(303);
    expect(sessionCookieOf(out)?.pair).not.toBe(cookie);
    expect((await request(t.app).get('/antraege').set('Cookie', cookie)).status).toBe(303);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', cookie)).status).toBe(401);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('when an API token is revoked, then it is refused with 401 from then on', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const issued = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: PASSWORD });
    const auth = { Authorization: `Bearer ${issued.body.token as string}` };
    expect((await request(t.app).get('/api/v1/me').set(auth)).status).toBe(200);
    expect((await request(t.app).delete('/api/v1/auth/tokens/current').set(auth)).status).toBe(204);
    expect((await request(t.app).get('/api/v1/me').set(auth)).status).toBe(401);
    expect((await request(t.app).delete('/api/v1/auth/tokens/current').set(auth)).status).toBe(401);
  });

  it('when a token or session cookie is forged, then the caller is anonymous or refused, never an error', async () => {
    expect((await request(t.app).get('/api/v1/me').set('Authorization', 'Bearer fps_erfunden')).status).toBe(401);
    expect((await request(t.app).get('/api/v1/me').set('Authorization', 'Basic YWRtaW46YWRtaW4=')).status).toBe(401);
    expect((await request(t.app).get('/antraege').set('Cookie', `${SESSION_COOKIE}=s%3Agefaelscht.unterschrift`)).status).toBe(303);
    expect((await request(t.app).get('/antraege').set('Cookie', `${SESSION_COOKIE}=${'%'.repeat(50)}`)).status).toBe(303);
  });

  it('when a user is deactivated, then their session and token stop working at once', async () => {
    const admin = await buildUser(t.db, 'admin');
    const user = await buildUser(t.db, 'coordinator');
    const { after } = await signIn(user.email);
    const token = (await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: PASSWORD })).body.token as string;
    const adminToken = (await request(t.app).post('/api/v1/auth/tokens').send({ email: admin.email, password: PASSWORD })).body.token as string;
    expect((await request(t.app).post(`/api/v1/users/${user.id}/deactivate`).set('Authorization', `Bearer ${adminToken}`)).status).toBe(200);
    expect((await request(t.app).get('/antraege').set('Cookie', after!.pair)).status).toBe(303);
    expect((await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  describe('throttling', () => {
    it('when an account gets too many wrong passwords through the form, then it answers 429 with Retry-After', async () => {
      const user = await buildUser(t.db, 'coordinator');
      for (let i = 0; i < 3; i += 1) expect((await signIn(user.email, 'falsches-passwort-1')).res.status).toBe(401);
      const { res } = await signIn(user.email);
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.text).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
    });

    it('when the API is asked too often with wrong passwords, then it answers 429 with Retry-After', async () => {
      const user = await buildUser(t.db, 'coordinator');
      for (let i = 0; i < 3; i += 1) expect((await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: 'falsch-123456' })).status).toBe(401);
      const res = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: PASSWORD });
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('when the address differs only in case or spaces, then it is the same account for the throttle', async () => {
      const user = await buildUser(t.db, 'coordinator');
      for (const variant of [user.email.toUpperCase(), ` ${user.email} `, user.email]) {
        expect((await signIn(variant, 'falsches-passwort-1')).res.status).toBe(401);
      }
      expect((await signIn(user.email)).res.status).toBe(429);
    });
  });

  it.each([
    ['an e-mail address of 10,000 characters', { email: `${'a'.repeat(10_000)}@test.example`, password: 'egal-egal-egal' }],
    ['a password of 200,000 characters', { email: 'niemand@test.example', password: 'p'.repeat(200_000) }],
    ['both as arrays', { email: ['a@test.example', 'b@test.example'], password: ['x', 'y'] }],
  ])('when the sign-in form gets %s, then it answers 401 like any wrong guess, never 500', async (_label, fields) => {
    const before = await openSignIn();
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const value of ([] as string[]).concat(v)) form.append(k, value);
    form.append('_csrf', before.csrf);
    const res = await request(t.app).post('/anmelden').set('Cookie', before.cookie).type('form').send(form.toString());
    expect(res.status).toBe(401);
  });

  it('when the token API gets over-long credentials, then it answers 422, never 500', async () => {
    const res = await request(t.app).post('/api/v1/auth/tokens').send({ email: `${'a'.repeat(10_000)}@test.example`, password: 'p'.repeat(200_000) });
    expect(res.status).toBe(422);
  });
});

describe('session cookies in production behind a TLS proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), TRUST_PROXY: 'true', BASE_URL: 'https://foerderportal.example' } });
  });
  afterAll(() => t.close());

  it('when the cookie is set over HTTPS, then it is Secure as well as HttpOnly and SameSite', async () => {
    const page = await request(t.app).get('/anmelden').set('X-Forwarded-Proto', 'https');
    expect(sessionCookieOf(page)!.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
  });
});
