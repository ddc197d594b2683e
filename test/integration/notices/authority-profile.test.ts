import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInAgent, signInCookie, type Agent, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, sendEvent } from '../../support/cases';
import { imageOf } from '../../support/images';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import { standardNoticeTexts } from '../../../src/notices/notice-texts';
import { flat, pdfText, withPdf } from '../../unit/notices/pdf-tools';
import { execFileSync } from 'node:child_process';

const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const imagesIn = (pdf: Uint8Array): string[] =>
  withPdf(pdf, (file) => execFileSync('pdfimages', ['-list', file]).toString().split('\n').slice(2).filter((l) => l.trim() !== ''));

const profile = {
  name: 'Stadt Musterhausen',
  department: 'Sozialamt',
  street: 'Markt 1',
  postalCode: '12345',
  mailPostalCode: '',
  city: 'Musterhausen',
  email: 'sozialamt@musterhausen.example',
  phone: '01234 5678',
  website: '',
  signatoryName: 'Erika Muster',
  signatoryTitle: 'Amtsleiterin',
  generalConditionsName: 'ANBest-P',
  generalConditionsVersion: '2025',
  fundingGuideline: 'Sozialrichtlinie Musterhausen',
  legalRemedyText: 'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch bei der {behoerde}, {amt}, {anschrift}, erhoben werden (Musterhausener Belehrung).',
  paymentTerms: 'Die Zuwendung wird in zwei Raten ausgezahlt (Musterhausener Zahlweise).',
  proofOfUseMonths: '3',
  proofOfUseTerms: 'Dem Verwendungsnachweis ist eine Fotodokumentation beizufügen.',
  dataProtectionText: standardNoticeTexts.dataProtection,
};

describe('administrators keep the authority profile printed on notices', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let head: string;
  let admin: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAuthorityProfile(t.db);
    const org = await buildApprovedOrganisation(t.db);
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
    admin = await signInAgent(t.app, (await buildUser(t.db, 'admin')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const formToken = async () => csrfOf((await admin.get('/admin/behoerde')).text);
  const saveProfile = async (values: Record<string, string>) => admin.post('/admin/behoerde').type('form').send({ ...values, _csrf: await formToken() });
  const uploadLogo = async (bytes: Buffer, name: string) =>
    admin.post(`/admin/behoerde/logo?_csrf=${encodeURIComponent(await formToken())}`).attach('logo', bytes, name);

  async function grantNotice() {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const approved = await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00', rationale: 'Förderfähig.' });
    expect(approved.status).toBe(200);
    await t.app.services.jobs.drain();
    return t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } });
  }

  it('when the form opens, then it shows the seeded authority and the standard notice texts to edit', async () => {
    const form = await admin.get('/admin/behoerde');
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Landeshauptstadt Erfurt"');
    expect(form.text).toContain('{behoerde}');
    expect(form.text).toContain('Widerspruch');
    expect(form.text).toContain('name="proofOfUseMonths"');
  });

  it('when an admin saves own texts, then new grants print them and issued notices stay unchanged', async () => {
    const before = await grantNotice();
    expect((await saveProfile(profile)).status).toBe(303);

    const stored = await t.db.authorityProfile.findUniqueOrThrow({ where: { id: 'default' } });
    expect(stored.paymentTerms).toBe(profile.paymentTerms);
    expect(stored.proofOfUseMonths).toBe(3);
    // A text equal to the standard is stored as "standard", so it follows later revisions.
    expect(stored.dataProtectionText).toBeNull();

    const text = flat(pdfText((await grantNotice()).content));
    expect(text).toContain('Stadt Musterhausen');
    expect(text).toContain('Widerspruch bei der Stadt Musterhausen, Sozialamt, Markt 1, 12345 Musterhausen, erhoben werden (Musterhausener Belehrung)');
    expect(text).toContain('Musterhausener Zahlweise');
    expect(text).toContain('innerhalb von drei Monaten');
    expect(text).toContain('Fotodokumentation');

    const again = await t.db.notice.findUniqueOrThrow({ where: { id: before.id } });
    expect(Buffer.from(again.content).equals(Buffer.from(before.content))).toBe(true);
    expect(flat(pdfText(again.content))).not.toContain('Musterhausen');
  });

  it('when the profile changes, then the verify page of an earlier notice names the authority and date printed on it', async () => {
    await saveProfile({ ...profile, name: 'Landeshauptstadt Erfurt', department: 'Amt für Soziales' });
    const before = await grantNotice();
    const decision = await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: before.caseId, action: 'APPROVE' } });
    // The worker renders a while after the decision; the notice is dated with the decision.
    t.clock.advance(3 * 3600 * 1000);
    expect((await saveProfile(profile)).status).toBe(303);

    const verified = await request(t.app).get(`/api/v1/verify/${before.verificationCode}`);
    expect(verified.body).toMatchObject({ authority: 'Landeshauptstadt Erfurt, Amt für Soziales', issuedAt: decision.at.toISOString() });
    const page = await request(t.app).get(`/verify/${before.verificationCode}`);
    expect(page.text).toContain('Landeshauptstadt Erfurt, Amt für Soziales');
    expect(page.text).not.toContain('Musterhausen');
  });

  it('when the profile changes after a decision but before the worker renders its notice, then the notice prints the profile as it stood at the decision', async () => {
    await saveProfile({ ...profile, signatoryName: 'Erika Vorher' });
    t.clock.advance(1000);
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00', rationale: 'Förderfähig.' })).status).toBe(200);
    t.clock.advance(60_000);
    expect((await saveProfile({ ...profile, signatoryName: 'Otto Nachher' })).status).toBe(303);
    await t.app.services.jobs.drain();

    const issued = flat(pdfText((await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } })).content));
    expect(issued).toContain('Erika Vorher');
    expect(issued).not.toContain('Otto Nachher');
    expect(flat(pdfText((await grantNotice()).content))).toContain('Otto Nachher');
  });

  it('when the profile changes, then the accessibility statement and the imprint give the new contact and address', async () => {
    expect((await saveProfile(profile)).status).toBe(303);
    for (const path of ['/barrierefreiheit', '/impressum']) {
      const page = await request(t.app).get(path);
      expect(page.status).toBe(200);
      const main = /<main[\s\S]*<\/main>/.exec(page.text)![0];
      expect(main).toContain('mailto:sozialamt@musterhausen.example');
      expect(main).toContain('01234 5678');
      expect(main).toContain('Markt 1');
      expect(main).toContain('12345 Musterhausen');
      expect(main).not.toContain('Erfurt');
    }
  });

  it('when a text names an unknown placeholder or the months are out of range, then 422 names the field and nothing is saved', async () => {
    const before = await t.db.authorityProfile.findUniqueOrThrow({ where: { id: 'default' } });
    const placeholder = await saveProfile({ ...profile, paymentTerms: 'Auszahlung durch {kasse}.' });
    expect(placeholder.status).toBe(422);
    expect(placeholder.text).toContain('{kasse}');
    expect(placeholder.text).toContain('href="#field-paymentTerms"');
    const months = await saveProfile({ ...profile, proofOfUseMonths: '0' });
    expect(months.status).toBe(422);
    expect(months.text).toContain('href="#field-proofOfUseMonths"');
    const empty = await saveProfile({ ...profile, legalRemedyText: '' });
    expect(empty.status).toBe(422);
    expect(await t.db.authorityProfile.findUniqueOrThrow({ where: { id: 'default' } })).toEqual(before);
  });

  it('when an admin uploads a PNG or a JPEG logo, then it is shown and printed on new notices; when removed, then not', async () => {
    for (const [format, name] of [['jpeg', 'logo.jpg'], ['png', 'logo.png']] as const) {
      const logo = await imageOf(format, 400, 150);
      const saved = await uploadLogo(logo, name);
      expect([format, saved.status, /kern-error[^<]*<[^>]*>([^<]*)/.exec(saved.text)?.[1]]).toEqual([format, 303, undefined]);
      const shown = await binary(admin.get('/admin/behoerde/logo'));
      expect(shown.headers['content-type']).toBe(format === 'png' ? 'image/png' : 'image/jpeg');
      expect(Buffer.compare(shown.body as Buffer, logo)).toBe(0);
      expect(imagesIn((await grantNotice()).content).some((row) => row.includes(' 400 ') && row.includes(' 150 '))).toBe(true);
    }
    expect((await admin.get('/admin/behoerde')).text).toContain('src="/admin/behoerde/logo');

    expect((await admin.post('/admin/behoerde/logo/entfernen').type('form').send({ _csrf: await formToken() })).status).toBe(303);
    expect((await admin.get('/admin/behoerde/logo')).status).toBe(404);
    expect(imagesIn((await grantNotice()).content)).toHaveLength(0);
    const audit = await t.db.auditEvent.findMany({ where: { subjectType: 'authority' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['SET_LOGO', 'REMOVE_LOGO']));
  });

  it('when the logo is not an image, too large or has too many pixels, then a clear error and the stored logo stays', async () => {
    expect((await uploadLogo(await imageOf('png', 300, 100), 'logo.png')).status).toBe(303);
    const logoOf = () => t.db.authorityProfile.findUniqueOrThrow({ where: { id: 'default' }, select: { logo: true, logoMediaType: true } });
    const before = await logoOf();
    const textAsPng = await uploadLogo(Buffer.from('<svg onload="alert(1)"></svg>'), 'logo.png');
    expect(textAsPng.status).toBe(415);
    expect(textAsPng.text).toContain('PNG oder JPEG');
    const huge = Buffer.concat([await imageOf('png', 100, 100), Buffer.alloc(1024 * 1024)]);
    const tooLarge = await uploadLogo(huge, 'logo.png');
    expect(tooLarge.status).toBe(413);
    const tooManyPixels = await uploadLogo(await imageOf('jpeg', 2400, 100), 'logo.jpg');
    expect(tooManyPixels.status).toBe(422);
    expect(tooManyPixels.text).toContain('2000');
    const missing = await admin.post(`/admin/behoerde/logo?_csrf=${encodeURIComponent(await formToken())}`).field('x', 'y');
    expect(missing.status).toBe(422);
    expect(await logoOf()).toEqual(before);
  });

  it('when an admin opens the preview, then it is a sample grant with the current profile and nothing is issued', async () => {
    const notices = await t.db.notice.count();
    const preview = await binary(admin.get('/admin/behoerde/vorschau'));
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const text = flat(pdfText(preview.body as Buffer));
    expect(text).toContain('VORSCHAU');
    expect(text).toContain('Musterhausener Zahlweise');
    expect(await t.db.notice.count()).toBe(notices);
  });

  it('when someone other than an admin tries, then 403 and nothing changes', async () => {
    const cookie = await signInCookie(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
    for (const path of ['/admin/behoerde', '/admin/behoerde/logo', '/admin/behoerde/vorschau']) {
      expect((await request(t.app).get(path).set('Cookie', cookie)).status).toBe(403);
    }
    expect((await request(t.app).get('/admin/behoerde')).status).toBe(303);
  });
});
