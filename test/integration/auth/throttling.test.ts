import request from 'supertest';
import { createTestApp, csrfTokenFrom, type TestApp } from '../../support/app';
import { buildUser, PASSWORD } from '../../support/factories';

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ throttleLimits: { perAccount: 3, perAddress: 6, windowSeconds: 60 } });
  });
  afterAll(() => t.close());

  it('when an account has too many failures, then even the right password gets 429 with Retry-After', async () => {
    const user = await buildUser(t.db, 'coordinator');
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: 'wrong-password-123' });
      expect(res.status).toBe(401);
    }
    const locked = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.type).toMatch(/too-many-requests$/);
  });

  it('when one address fails on many accounts, then that address is throttled for other accounts too', async () => {
    const victim = await buildUser(t.db, 'head');
    // The limiter counts per client address; supertest always comes from the same one.
    for (let i = 0; i < 3; i += 1) {
      await request(t.app).post('/api/v1/auth/tokens').send({ email: `unknown-${i}@test.example`, password: 'wrong-password-123' });
    }
    const res = await request(t.app).post('/api/v1/auth/tokens').send({ email: victim.email, password: PASSWORD });
    expect(res.status).toBe(429);
  });

  it('when the sign-in form is throttled, then the page says so with status 429', async () => {
    const agent = request.agent(t.app);
    const _csrf = await csrfTokenFrom(agent);
    const res = await agent.post('/anmelden').type('form').send({ email: 'x@test.example', password: 'irrelevant-1234', _csrf });
    expect(res.status).toBe(429);
    expect(res.text).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
  });
});

describe('sign-in throttling under parallel guessing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ throttleLimits: { perAccount: 3, perAddress: 100, windowSeconds: 60 } });
  });
  afterAll(() => t.close());

  it('when twenty wrong passwords arrive at once, then no more than the limit are even checked', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: 'wrong-password-123' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  });
});
