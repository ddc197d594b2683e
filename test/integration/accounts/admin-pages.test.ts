import request from 'supertest';
import { csrfOf, createTestApp, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';

describe('administration pages', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t.db, 'admin');
    cookie = await signInCookie(t.app, admin.email, PASSWORD);
  });
  afterAll(() => t.close());

  it('when an admin fills the user form, then the account is created and listed', async () => {
    const org = await buildApprovedOrganisation(t.db);
    const page = await request(t.app).get('/admin/benutzer').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<option value="${org.id}"`);
    const res = await request(t.app)
      .post('/admin/benutzer')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(page.text), name: 'Paula Träger', email: 'paula@test.example', role: 'applicant', organisationId: org.id, password: PASSWORD });
    expect(res.status).toBe(303);
    const list = await request(t.app).get('/admin/benutzer').set('Cookie', cookie);
    expect(list.text).toContain('Das Konto für paula@test.example wurde angelegt.');
    expect(list.text).toContain('Paula Träger');
  });

  it('when the user form is invalid, then 422 with an error summary, values kept and the password not echoed', async () => {
    const page = await request(t.app).get('/admin/benutzer').set('Cookie', cookie);
    const res = await request(t.app)
      .post('/admin/benutzer')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(page.text), name: 'Ohne Rolle', email: 'kaputt', role: '', password: 'geheim-kurz' });
    expect(res.status).toBe(422);
    for (const field of ['email', 'role', 'password']) expect(res.text).toContain(`href="#field-${field}"`);
    expect(res.text).toContain('value="Ohne Rolle"');
    expect(res.text).not.toContain('geheim-kurz');
    expect(res.text).toContain('aria-invalid="true"');
  });

  it('when an admin deactivates a user on the page, then the list shows it deactivated', async () => {
    const user = await buildUser(t.db, 'head');
    const page = await request(t.app).get('/admin/benutzer').set('Cookie', cookie);
    const res = await request(t.app).post(`/admin/benutzer/${user.id}/deaktivieren`).set('Cookie', cookie).type('form').send({ _csrf: csrfOf(page.text) });
    expect(res.status).toBe(303);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
  });

  it('when the form is posted without the CSRF token, then 403 and nothing is created', async () => {
    const res = await request(t.app)
      .post('/admin/organisationen')
      .set('Cookie', cookie)
      .type('form')
      .send({ name: 'Ohne Token e.V.', street: 'Weg 1', postalCode: '99084', city: 'Erfurt' });
    expect(res.status).toBe(403);
    expect(await t.db.organisation.count({ where: { name: 'Ohne Token e.V.' } })).toBe(0);
  });

  it('when an admin creates an organisation on the page, then it is approved at once', async () => {
    const page = await request(t.app).get('/admin/organisationen').set('Cookie', cookie);
    const res = await request(t.app)
      .post('/admin/organisationen')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(page.text), name: 'Seite e.V.', street: 'Weg 1', postalCode: '99084', city: 'Erfurt', email: '', phone: '' });
    expect(res.status).toBe(303);
    expect((await t.db.organisation.findFirstOrThrow({ where: { name: 'Seite e.V.' } })).status).toBe('approved');
  });
});
