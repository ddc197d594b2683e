import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, bearerToken, csrfOf, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, buildSubmittedApplication, sendEvent } from '../../support/cases';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import { buildStatementAwaitingApproval, sendStatementEvent } from '../../support/statements';

describe('verifying notices and the authority profile', () => {
  let t: TestApp;
  let applicant: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAuthorityProfile(t.db);
    const org = await buildApprovedOrganisation(t.db, { name: 'Geheimverein e.V.' });
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
  });
  afterAll(() => t.close());

  async function issuedNotice() {
    const app = await buildSubmittedApplication(t, applicant);
    await t.app.services.jobs.drain();
    return t.db.notice.findFirstOrThrow({ where: { caseId: app.id } });
  }

  it('when a notice is issued, then it prints its verification code and the public page confirms it without personal data', async () => {
    const notice = await issuedNotice();
    expect(notice.verificationCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const dir = mkdtempSync(join(tmpdir(), 'fps-verify-'));
    writeFileSync(join(dir, 'n.pdf'), notice.content);
    expect(execFileSync('pdftotext', [join(dir, 'n.pdf'), '-']).toString()).toContain(notice.verificationCode);

    const page = await request(t.app).get(`/verify/${notice.verificationCode.toLowerCase().replace(/-/g, ' ')}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(notice.sha256);
    expect(page.text).toContain('Eingangsbestätigung');
    expect(page.text).not.toContain('Geheimverein');
    const api = await request(t.app).get(`/api/v1/verify/${notice.verificationCode}`);
    expect(api.body).toMatchObject({ code: notice.verificationCode, kind: 'receipt', sha256: notice.sha256, authority: 'Landeshauptstadt Erfurt, Amt für Soziales' });
    expect(JSON.stringify(api.body)).not.toContain('Geheimverein');
  });

  it('when the issued PDF is uploaded, then it is confirmed; when one byte changed, then it is not', async () => {
    const notice = await issuedNotice();
    const agent = request.agent(t.app);
    const page = (await agent.get(`/verify/${notice.verificationCode}`)).text;
    // The file form carries its token in the URL, as multipart bodies are read after the check.
    const token = decodeURIComponent(/\?_csrf=([^"&]+)/.exec(page)![1]!);
    const genuine = await agent.post(`/verify/${notice.verificationCode}?_csrf=${encodeURIComponent(token)}`).attach('file', Buffer.from(notice.content), 'bescheid.pdf');
    expect(genuine.status).toBe(200);
    expect(genuine.text).toContain('Die Datei ist unverändert');
    const altered = Buffer.from(notice.content);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 0xff;
    const changed = await agent.post(`/verify/${notice.verificationCode}?_csrf=${encodeURIComponent(token)}`).attach('file', altered, 'bescheid.pdf');
    expect(changed.text).toContain('Die Datei stimmt nicht überein');
  });

  it('when a code is unknown, then 404 with a helpful message', async () => {
    const res = await request(t.app).get('/verify/AAAA-BBBB-CCCC');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Zu diesem Prüfcode gibt es keinen Bescheid');
    expect((await request(t.app).get('/api/v1/verify/AAAA-BBBB-CCCC')).status).toBe(404);
  });
});

describe('the head previews the notice before deciding', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let headCookie: string;
  let headToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db);
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    const head = await buildUser(t.db, 'head');
    headCookie = await signInCookie(t.app, head.email, PASSWORD);
    headToken = await bearerToken(t.app, head.email, PASSWORD);
  });
  afterAll(() => t.close());

  /** The words of a PDF in the order they are drawn, the verification code and its URL masked (a preview has none). */
  const drawnWords = (bytes: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'fps-preview-'));
    writeFileSync(join(dir, 'x.pdf'), bytes);
    return execFileSync('pdftotext', ['-raw', join(dir, 'x.pdf'), '-'])
      .toString()
      .replace(/\S*\/verify\/\S*/g, 'URL')
      .replace(/VORSCHAU|[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/g, 'CODE')
      .split(/\s+/)
      .filter(Boolean);
  };
  const binary = (req: request.Test) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });


  it('when the head previews a partial grant, then the preview reads as the notice that is then issued', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const decision = { type: 'APPROVE', amount: '9.000,00', rationale: 'Nur teilweise förderfähig.', conditions: 'Bitte Förderung nennen.' };
    const page = await request(t.app).get(`/antraege/${app.id}`).set('Cookie', headCookie);
    expect(page.text).toContain('Vorschau des Bescheids (PDF)');
    const preview = await binary(request(t.app).post(`/antraege/${app.id}/bescheid-vorschau`).set('Cookie', headCookie).type('form').send({ ...decision, _csrf: csrfOf(page.text) }));
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(await t.db.notice.count({ where: { caseId: app.id, kind: 'grant' } })).toBe(0);

    await sendEvent(t, headToken, app.id, { type: 'APPROVE', amount: '9000.00', rationale: decision.rationale, conditions: decision.conditions });
    await t.app.services.jobs.drain();
    const issued = await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } });
    expect(drawnWords(preview.body as Buffer)).toEqual(drawnWords(Buffer.from(issued.content)));
  });

  it('when the head previews a rejection, then the preview has the issued notice\'s words in the same order', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const rationale = 'Das Vorhaben hat keinen Bezug zu einem Ortsteil der Stadt (Nr. 1.2 FRL Soziales).\n\nDie Mittel des Jahres sind gebunden.';
    const page = await request(t.app).get(`/antraege/${app.id}`).set('Cookie', headCookie);
    const preview = await binary(request(t.app).post(`/antraege/${app.id}/bescheid-vorschau`).set('Cookie', headCookie).type('form').send({ type: 'REJECT', rationale, _csrf: csrfOf(page.text) }));
    expect(preview.status).toBe(200);
    expect((await sendEvent(t, headToken, app.id, { type: 'REJECT', rationale })).status).toBe(200);
    await t.app.services.jobs.drain();
    const issued = await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'rejection' } });
    const words = drawnWords(preview.body as Buffer);
    expect(words).toContain('Ablehnungsbescheid');
    expect(words).toEqual(drawnWords(Buffer.from(issued.content)));
  });

  it('when the head previews a statement before signing, then the preview has the issued letter\'s words in the same order', async () => {
    const stn = await buildStatementAwaitingApproval(t, applicant, coordinator);
    const preview = await binary(request(t.app).get(`/stellungnahmen/${stn.id}/vorschau`).set('Cookie', headCookie));
    expect(preview.status).toBe(200);
    expect((await sendStatementEvent(t, headToken, stn.id, { type: 'ISSUE' })).status).toBe(200);
    await t.app.services.jobs.drain();
    const issued = await t.db.notice.findFirstOrThrow({ where: { caseId: stn.id, kind: 'statement' } });
    const words = drawnWords(preview.body as Buffer);
    expect(words).toContain('Stellungnahme');
    expect(words).toEqual(drawnWords(Buffer.from(issued.content)));
  });

  it('when a rejection is attempted without reasons, then 422 and no decision is recorded', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const res = await sendEvent(t, headToken, app.id, { type: 'REJECT', rationale: '   ' });
    expect(res.status).toBe(422);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('awaiting_decision');
  });
});

describe('corrections', () => {
  let t: TestApp;
  let applicant: string;
  let applicantEmail: string;
  let coordinator: string;
  let head: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db);
    applicantEmail = (await buildUser(t.db, 'applicant', { organisationId: org.id })).email;
    applicant = await bearerToken(t.app, applicantEmail, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  it('when a head corrects a grant, then a new notice names the one it replaces, both stay and the case shows which is in force', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00' });
    await t.app.services.jobs.drain();
    const grant = await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } });

    expect((await request(t.app).post(`/api/v1/notices/${grant.id}/corrections`).set('Authorization', `Bearer ${coordinator}`).send({ reason: 'x' })).status).toBe(403);
    expect((await request(t.app).post(`/api/v1/notices/${grant.id}/corrections`).set('Authorization', `Bearer ${head}`).send({})).status).toBe(422);
    const res = await request(t.app).post(`/api/v1/notices/${grant.id}/corrections`).set('Authorization', `Bearer ${head}`).send({ reason: 'Anschrift des Trägers war falsch.' });
    expect(res.status).toBe(202);
    const again = await request(t.app).post(`/api/v1/notices/${grant.id}/corrections`).set('Authorization', `Bearer ${head}`).send({ reason: 'Noch einmal.' });
    expect(again.status).toBe(409);
    await t.app.services.jobs.drain();
    expect(await t.db.outboxJob.count({ where: { kind: 'email', status: 'done', payload: { contains: '"event":"CORRECT_NOTICE"' } } })).toBe(1);

    const correction = await t.db.notice.findFirstOrThrow({ where: { replacesId: grant.id } });
    const dir = mkdtempSync(join(tmpdir(), 'fps-corr-'));
    writeFileSync(join(dir, 'c.pdf'), correction.content);
    const text = execFileSync('pdftotext', [join(dir, 'c.pdf'), '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Berichtigung');
    expect(text).toContain(grant.verificationCode);
    expect(text).toContain('Anschrift des Trägers war falsch.');
    const view = await request(t.app).get(`/api/v1/applications/${app.id}`).set('Authorization', `Bearer ${applicant}`);
    const grants = (view.body.notices as { id: string; kind: string; inForce: boolean; replaces: string | null }[]).filter((n) => n.kind === 'grant');
    expect(grants).toEqual([
      expect.objectContaining({ id: grant.id, inForce: false, replaces: null }),
      expect.objectContaining({ id: correction.id, inForce: true, replaces: grant.id }),
    ]);
    const page = await request(t.app).get(`/antraege/${app.id}`).set('Cookie', await signInCookie(t.app, applicantEmail, PASSWORD));
    const noticeItems = [...page.text.matchAll(/<li>\s*<a class="kern-link" href="\/bescheide\/([^"]+)"[\s\S]*?<\/li>/g)].map((m) => ({
      id: m[1],
      badge: /class="kern-badge[^"]*">[\s\S]*?<span class="kern-label">([^<]+)<\/span>/.exec(m[0])?.[1] ?? null,
    }));
    expect(noticeItems.filter((n) => n.id === grant.id || n.id === correction.id)).toEqual([
      { id: grant.id, badge: 'ersetzt' },
      { id: correction.id, badge: 'gilt' },
    ]);
    const old = await request(t.app).get(`/verify/${grant.verificationCode}`);
    expect(old.status).toBe(200);
    expect(old.text).toContain('Dieses Dokument wurde berichtigt');
    expect(old.text).toContain(correction.verificationCode);
  });
});
