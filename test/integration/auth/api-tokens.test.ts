import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { API_TOKEN_DAYS } from '../../../src/auth/api-tokens';

describe('API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when the credentials are right, then a token is issued and /me answers for it', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const res = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^fps_/);
    expect(new Date(res.body.expiresAt).getTime()).toBe(t.clock.now().getTime() + API_TOKEN_DAYS * 86_400_000);

    const me = await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: user.id, email: user.email, name: user.name, role: 'coordinator', organisation: null });
  });

  it('when a member of an organisation uses a token, then /me names its organisation', async () => {
    const organisation = await buildApprovedOrganisation(t.db, { name: 'Łódź-Brücke e.V.' });
    const user = await buildUser(t.db, 'applicant', { organisationId: organisation.id });
    const token = await bearerToken(t.app, user.email, PASSWORD);
    const me = await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'applicant',
      organisation: { id: organisation.id, name: 'Łódź-Brücke e.V.' },
    });
  });

  it('when the token is stored, then only its hash is in the database', async () => {
    const user = await buildUser(t.db, 'head');
    const token = await bearerToken(t.app, user.email, PASSWORD);
    const rows = await t.db.apiToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when the e-mail is unknown or the password wrong, then both get the same 401 problem', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const wrong = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: 'falsch-falsch-falsch' });
    const unknown = await request(t.app).post('/api/v1/auth/tokens').send({ email: 'niemand@test.example', password: 'egal-egal-egal' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body).toMatchObject({ status: 401, title: expect.any(String), type: expect.stringMatching(/unauthenticated$/) });
  });

  it('when the body is not JSON or not an object, then 400; when fields are missing, then 422 with paths', async () => {
    const broken = await request(t.app).post('/api/v1/auth/tokens').set('Content-Type', 'application/json').send('{"email":');
    expect(broken.status).toBe(400);
    const array = await request(t.app).post('/api/v1/auth/tokens').send([1, 2]);
    expect(array.status).toBe(400);
    const missing = await request(t.app).post('/api/v1/auth/tokens').send({ email: 'a@b.de' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('when a token expires, then it is refused with 401', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const token = await bearerToken(t.app, user.email, PASSWORD);
    t.clock.advance(API_TOKEN_DAYS * 86_400_000 + 1000);
    const res = await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.status).toBe(401);
  });

  it('when a token is revoked, then it stops working and revoking needs a token', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const token = await bearerToken(t.app, user.email, PASSWORD);
    const del = await request(t.app).delete('/api/v1/auth/tokens/current').set('Authorization', `Bearer ${token}`);
    expect(del.status).toBe(204);
    const after = await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    const anonymous = await request(t.app).delete('/api/v1/auth/tokens/current');
    expect(anonymous.status).toBe(401);
  });

  it('when the Authorization header is malformed or unknown, then 401 rather than an anonymous request', async () => {
    for (const header of ['Basic abc', 'Bearer', 'Bearer fps_unknown']) {
      const res = await request(t.app).get('/api/v1/me').set('Authorization', header);
      expect(res.status).toBe(401);
    }
  });

  it('when nobody is signed in, then /me is 401', async () => {
    const res = await request(t.app).get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
