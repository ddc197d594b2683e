import request from 'supertest';
import { csrfOf, createTestApp, bearerToken, csrfTokenFrom, signInCookie, type TestApp } from '../../support/app';
import { buildPendingOrganisation, buildUser, PASSWORD } from '../../support/factories';

const registration = {
  organisationName: 'Łódź-Brücke e.V.',
  street: 'Juri-Gagarin-Ring 1',
  postalCode: '99084',
  city: 'Erfurt',
  organisationEmail: '',
  phone: '',
  name: 'Ayşe Yılmaz',
  email: 'ayse@lodz-bruecke.example',
  password: PASSWORD,
  passwordConfirm: PASSWORD,
};

describe('registration, approval and invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when a provider registers, then a pending organisation and its first member exist and can sign in', async () => {
    const agent = request.agent(t.app);
    const _csrf = await csrfTokenFrom(agent, '/registrieren');
    const res = await agent.post('/registrieren').type('form').send({ ...registration, _csrf });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/registrieren/eingegangen');
    const user = await t.db.user.findUniqueOrThrow({ where: { email: registration.email }, include: { organisation: true } });
    expect(user.role).toBe('applicant');
    expect(user.organisation).toMatchObject({ name: 'Łódź-Brücke e.V.', status: 'pending', email: null });
    const cookie = await signInCookie(t.app, registration.email, PASSWORD);
    const home = await request(t.app).get('/').set('Cookie', cookie);
    expect(home.text).toContain('Freigabe ausstehend');
    expect(home.text).toContain('Łódź-Brücke e.V.');
  });

  it('when the registration form is invalid, then it is shown again with every error and nothing is stored', async () => {
    const agent = request.agent(t.app);
    const _csrf = await csrfTokenFrom(agent, '/registrieren');
    const before = await t.db.organisation.count();
    const res = await agent
      .post('/registrieren')
      .type('form')
      .send({ ...registration, email: 'other@test.example', postalCode: 'abc', passwordConfirm: 'anders-anders', _csrf });
    expect(res.status).toBe(422);
    expect(res.text).toContain('href="#field-postalCode"');
    expect(res.text).toContain('Die beiden Passwörter stimmen nicht überein.');
    expect(res.text).toContain('value="Łódź-Brücke e.V."');
    expect(res.text).not.toContain(PASSWORD);
    expect(await t.db.organisation.count()).toBe(before);
  });

  it('when the e-mail is already registered, then the form says so and no second organisation is created', async () => {
    const agent = request.agent(t.app);
    const _csrf = await csrfTokenFrom(agent, '/registrieren');
    const before = await t.db.organisation.count();
    const res = await agent.post('/registrieren').type('form').send({ ...registration, _csrf });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Für diese E-Mail-Adresse gibt es bereits ein Konto.');
    expect(await t.db.organisation.count()).toBe(before);
  });

  it('when a coordinator approves a pending organisation, then it is approved once; a second approval is 409', async () => {
    const org = await buildPendingOrganisation(t.db);
    const coordinator = await buildUser(t.db, 'coordinator');
    const token = await bearerToken(t.app, coordinator.email, PASSWORD);
    const [a, b] = await Promise.all([
      request(t.app).post(`/api/v1/organisations/${org.id}/approve`).set('Authorization', `Bearer ${token}`),
      request(t.app).post(`/api/v1/organisations/${org.id}/approve`).set('Authorization', `Bearer ${token}`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stored = await t.db.organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored).toMatchObject({ status: 'approved', approvedById: coordinator.id });
    expect(await t.db.auditEvent.count({ where: { subjectId: org.id, action: 'approve' } })).toBe(1);
  });

  it('when a head or applicant tries to approve, then 403', async () => {
    const org = await buildPendingOrganisation(t.db);
    for (const role of ['head', 'applicant'] as const) {
      const user = await buildUser(t.db, role);
      const token = await bearerToken(t.app, user.email, PASSWORD);
      const res = await request(t.app).post(`/api/v1/organisations/${org.id}/approve`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(403);
    }
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: org.id } })).status).toBe('pending');
  });

  it('when a coordinator approves through the page, then the list shows it approved', async () => {
    const org = await buildPendingOrganisation(t.db);
    const coordinator = await buildUser(t.db, 'coordinator');
    const cookie = await signInCookie(t.app, coordinator.email, PASSWORD);
    const list = await request(t.app).get('/admin/organisationen?status=pending').set('Cookie', cookie);
    expect(list.text).toContain(org.name);
    const _csrf = csrfOf(list.text);
    const res = await request(t.app).post(`/admin/organisationen/${org.id}/freigeben`).set('Cookie', cookie).type('form').send({ _csrf });
    expect(res.status).toBe(303);
    const after = await request(t.app).get('/admin/organisationen').set('Cookie', cookie);
    expect(after.text).toContain(`„${org.name}“ ist freigegeben`);
  });

  it('when a member invites a colleague, then the link creates an account in the same organisation, once', async () => {
    const member = await buildUser(t.db, 'applicant');
    const cookie = await signInCookie(t.app, member.email, PASSWORD);
    const home = await request(t.app).get('/').set('Cookie', cookie);
    const _csrf = csrfOf(home.text);
    const invite = await request(t.app)
      .post('/organisation/einladungen')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: 'kollegin@test.example', _csrf });
    expect(invite.status).toBe(303);
    const flashPage = await request(t.app).get('/').set('Cookie', cookie);
    const link = /\/einladung\/(inv_[\w-]+)/.exec(flashPage.text)![1]!;
    expect(flashPage.text).toContain('kollegin@test.example');

    const guest = request.agent(t.app);
    const page = await guest.get(`/einladung/${link}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(member.organisation!.name);
    const token = csrfOf(page.text);
    const accept = await guest
      .post(`/einladung/${link}`)
      .type('form')
      .send({ name: 'Kollegin Müller', password: PASSWORD, passwordConfirm: PASSWORD, _csrf: token });
    expect(accept.status).toBe(303);
    const me = await guest.get('/api/v1/me');
    expect(me.body).toMatchObject({ email: 'kollegin@test.example', role: 'applicant', organisation: { id: member.organisationId } });
    expect((await request(t.app).get(`/einladung/${link}`)).status).toBe(404);
  });

  it('when an invitation link is unknown or expired, then a 404 page explains it', async () => {
    const res = await request(t.app).get('/einladung/inv_unknown');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Diese Einladung ist ungültig');
  });

  it('when staff try to invite, then 403', async () => {
    const head = await buildUser(t.db, 'head');
    const cookie = await signInCookie(t.app, head.email, PASSWORD);
    const home = await request(t.app).get('/').set('Cookie', cookie);
    const _csrf = csrfOf(home.text);
    const res = await request(t.app).post('/organisation/einladungen').set('Cookie', cookie).type('form').send({ email: 'x@test.example', _csrf });
    expect(res.status).toBe(403);
    expect(await t.db.invitation.count({ where: { email: 'x@test.example' } })).toBe(0);
  });
});
