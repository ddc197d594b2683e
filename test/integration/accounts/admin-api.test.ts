import request from 'supertest';
import { createTestApp, bearerToken, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import type { Role } from '../../../src/accounts/roles';

describe('administration API', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'coordinator', 'head', 'applicant'] as const) {
      const user = await buildUser(t.db, role);
      tokens[role] = await bearerToken(t.app, user.email, PASSWORD);
    }
  });
  afterAll(() => t.close());

  const organisation = { name: 'Jugendhilfe Herrenberg e.V.', street: 'Am Herrenberg 3', postalCode: '99099', city: 'Erfurt' };

  it('when an admin creates an organisation, then it is 201, approved and audited', async () => {
    const res = await request(t.app).post('/api/v1/organisations').set('Authorization', `Bearer ${tokens.admin}`).send(organisation);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...organisation, status: 'approved', email: null, id: expect.any(String) });
    const audit = await t.db.auditEvent.findMany({ where: { subjectId: res.body.id } });
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it.each(['coordinator', 'head', 'applicant'] as const)('when a %s creates an organisation or user, then 403 and nothing is written', async (role) => {
    const before = await t.db.organisation.count();
    const org = await request(t.app).post('/api/v1/organisations').set('Authorization', `Bearer ${tokens[role]}`).send(organisation);
    expect(org.status).toBe(403);
    const user = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens[role]}`)
      .send({ email: `x-${role}@test.example`, name: 'X', role: 'head', password: PASSWORD });
    expect(user.status).toBe(403);
    expect(await t.db.organisation.count()).toBe(before);
    expect(await t.db.user.count({ where: { email: `x-${role}@test.example` } })).toBe(0);
  });

  it('when nobody is signed in, then admin routes are 401', async () => {
    expect((await request(t.app).post('/api/v1/organisations').send(organisation)).status).toBe(401);
    expect((await request(t.app).get('/api/v1/users')).status).toBe(401);
  });

  it('when fields are invalid, then 422 names each field in German', async () => {
    const res = await request(t.app)
      .post('/api/v1/organisations')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ name: '', street: 'x', postalCode: '123', city: 'Erfurt', email: 'kein-mail' });
    expect(res.status).toBe(422);
    const paths = (res.body.errors as { path: string; message: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['email', 'name', 'postalCode']);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'postalCode').message).toBe('Bitte geben Sie eine fünfstellige Postleitzahl ein.');
  });

  it('when an admin creates an applicant, then the organisation is required and must exist', async () => {
    const base = { email: 'neu@test.example', name: 'Neu', role: 'applicant', password: PASSWORD };
    const missing = await request(t.app).post('/api/v1/users').set('Authorization', `Bearer ${tokens.admin}`).send(base);
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'organisationId' })]);
    const unknown = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ ...base, organisationId: 'does-not-exist' });
    expect(unknown.status).toBe(422);
    const org = await buildApprovedOrganisation(t.db);
    const ok = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ ...base, email: 'NEU@Test.Example', organisationId: org.id });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ email: 'neu@test.example', role: 'applicant', organisation: { id: org.id, name: org.name }, active: true });
    expect(ok.body).not.toHaveProperty('passwordHash');
  });

  it('when the password is shorter than 12 characters or the e-mail is taken, then 422', async () => {
    const short = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ email: 'kurz@test.example', name: 'Kurz', role: 'head', password: 'elf-zeichen' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ path: 'password', message: 'Das Passwort muss mindestens 12 Zeichen lang sein.' });
    const first = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ email: 'doppelt@test.example', name: 'A', role: 'head', password: PASSWORD });
    expect(first.status).toBe(201);
    const again = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ email: 'doppelt@test.example', name: 'B', role: 'coordinator', password: PASSWORD });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].path).toBe('email');
  });

  it('when a user is created, then the password is stored as an argon2id hash', async () => {
    const res = await request(t.app)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ email: 'hash@test.example', name: 'Hash', role: 'coordinator', password: PASSWORD });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('when a user is deactivated, then its sessions and tokens end at once and it cannot sign in', async () => {
    const user = await buildUser(t.db, 'coordinator');
    const token = await bearerToken(t.app, user.email, PASSWORD);
    const cookie = await signInCookie(t.app, user.email, PASSWORD);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);

    const res = await request(t.app).post(`/api/v1/users/${user.id}/deactivate`).set('Authorization', `Bearer ${tokens.admin}`);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', cookie)).status).toBe(401);
    const again = await request(t.app).post('/api/v1/auth/tokens').send({ email: user.email, password: PASSWORD });
    expect(again.status).toBe(401);
  });

  it('when an admin deactivates itself or an unknown user, then 409 or 404', async () => {
    const me = await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${tokens.admin}`);
    const self = await request(t.app).post(`/api/v1/users/${me.body.id}/deactivate`).set('Authorization', `Bearer ${tokens.admin}`);
    expect(self.status).toBe(409);
    const unknown = await request(t.app).post('/api/v1/users/nope/deactivate').set('Authorization', `Bearer ${tokens.admin}`);
    expect(unknown.status).toBe(404);
  });

  it('when an organisation is deactivated, then all its members lose access', async () => {
    const org = await buildApprovedOrganisation(t.db);
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    const token = await bearerToken(t.app, member.email, PASSWORD);
    const res = await request(t.app).post(`/api/v1/organisations/${org.id}/deactivate`).set('Authorization', `Bearer ${tokens.admin}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('deactivated');
    expect((await request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: member.id } })).active).toBe(false);
  });

  it('when lists are requested, then staff see organisations and only admins see users', async () => {
    expect((await request(t.app).get('/api/v1/organisations').set('Authorization', `Bearer ${tokens.coordinator}`)).status).toBe(200);
    expect((await request(t.app).get('/api/v1/organisations').set('Authorization', `Bearer ${tokens.applicant}`)).status).toBe(403);
    const users = await request(t.app).get('/api/v1/users').set('Authorization', `Bearer ${tokens.admin}`);
    expect(users.status).toBe(200);
    expect(users.body.items.length).toBeGreaterThan(3);
    expect(JSON.stringify(users.body)).not.toContain('argon2');
    expect((await request(t.app).get('/api/v1/users').set('Authorization', `Bearer ${tokens.head}`)).status).toBe(403);
  });
});
