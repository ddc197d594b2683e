import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, buildSubmittedApplication, sendEvent } from '../../support/cases';
import { createMailer } from '../../../src/jobs/mailer';
import { createWorker } from '../../../src/jobs/worker';
import { issueNotice } from '../../../src/notices/issue-notice';
import type { NoticeJob } from '../../../src/jobs/outbox';

interface Received {
  to: string[];
  body: string;
}

describe('the outbox: notices and e-mail after commit', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Received[] = [];
  let applicant: string;
  let coordinator: string;
  let head: string;
  let memberEmail: string;
  let coordinatorEmail: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (c: Buffer) => (body += c.toString()));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Portal <noreply@test.example>', logger: pino({ level: 'silent' }) });
    t = await createTestApp({ mailer });
    const org = await buildApprovedOrganisation(t.db, { name: 'Łódź-Brücke e.V.' });
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    memberEmail = member.email;
    applicant = await bearerToken(t.app, member.email, PASSWORD);
    const coord = await buildUser(t.db, 'coordinator');
    coordinatorEmail = coord.email;
    coordinator = await bearerToken(t.app, coord.email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('when an application is submitted, then the coordinators get an e-mail over SMTP', async () => {
    inbox.length = 0;
    const app = await buildSubmittedApplication(t, applicant);
    await t.app.services.jobs.drain();
    const mail = inbox.find((m) => m.to.includes(coordinatorEmail));
    expect(mail).toBeDefined();
    expect(mail!.body).toContain('Subject: =?UTF-8?');
    expect(mail!.body).toContain(`/antraege/${app.id}`);
  });

  it('when a head approves, then the organisation is told and the grant notice carries every required part', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    inbox.length = 0;
    const res = await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '8000.00', rationale: 'Sachkosten nur teilweise förderfähig.', conditions: 'Die Förderung ist bei Veröffentlichungen zu nennen.' });
    expect(res.status).toBe(200);
    await t.app.services.jobs.drain();
    expect(inbox.some((m) => m.to.includes(memberEmail))).toBe(true);

    const notice = await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } });
    const dir = mkdtempSync(join(tmpdir(), 'fps-notice-'));
    writeFileSync(join(dir, 'grant.pdf'), notice.content);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'grant.pdf'), '-']).toString();
    for (const part of [
      'Zuwendungsbescheid',
      'Landeshauptstadt Erfurt',
      app.reference,
      'Łódź-Brücke e.V.',
      'höchstens 8.000,00 €',
      'Fehlbedarfsfinanzierung',
      '01.01.2027 bis 31.12.2027',
      'Kosten- und Finanzierungsplan',
      'Verwendungsnachweis',
      'ANBest-P',
      'Die Förderung ist bei Veröffentlichungen zu nennen.',
      'Sachkosten nur teilweise förderfähig.',
      'Rechtsbehelfsbelehrung',
      'Widerspruch',
      'Seite 1 von',
    ]) {
      expect(text).toContain(part);
    }
    const fonts = execFileSync('pdffonts', [join(dir, 'grant.pdf')]).toString();
    expect(fonts).toMatch(/\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('when a rejection is decided, then the rejection notice states the reasons and the legal remedy', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    await sendEvent(t, head, app.id, { type: 'REJECT', rationale: 'Das Angebot besteht im Ortsteil bereits; eine Doppelförderung ist ausgeschlossen.' });
    await t.app.services.jobs.drain();
    const notice = await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'rejection' } });
    const dir = mkdtempSync(join(tmpdir(), 'fps-notice-'));
    writeFileSync(join(dir, 'r.pdf'), notice.content);
    const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Ablehnungsbescheid');
    expect(text).toContain('eine Doppelförderung ist ausgeschlossen');
    expect(text).toContain('Rechtsbehelfsbelehrung');
  });

  it('when a worker crashed after claiming a job, then another takes it over after the lease and one notice results', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    const job = await t.db.outboxJob.findFirstOrThrow({ where: { payload: { contains: app.id }, kind: 'notice' } });
    // The crashed worker's claim: running, claimed long ago, never finished.
    await t.db.outboxJob.update({ where: { id: job.id }, data: { status: 'running', claimedAt: new Date(t.clock.now().getTime() - 10 * 60_000), claimedBy: 'dead' } });
    const rescuer = createWorker({ db: t.db, clock: t.clock, logger: pino({ level: 'silent' }), handlers: { notice: (p, j) => issueNotice({ db: t.db, clock: t.clock, renderer: t.app.services.renderer, job: p as NoticeJob, jobId: j.id, baseUrl: 'http://localhost' }), email: async () => undefined }, leaseMs: 60_000 });
    await rescuer.drain();
    expect((await t.db.outboxJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('done');
    expect(await t.db.notice.count({ where: { caseId: app.id, kind: 'receipt' } })).toBe(1);
  });

  it('when the same notice job runs twice (crash after rendering), then still exactly one notice exists', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    const job = await t.db.outboxJob.findFirstOrThrow({ where: { payload: { contains: app.id }, kind: 'notice' } });
    const payload = JSON.parse(job.payload) as NoticeJob;
    await Promise.all([issueNotice({ db: t.db, clock: t.clock, renderer: t.app.services.renderer, job: payload, jobId: job.id, baseUrl: 'http://localhost' }), issueNotice({ db: t.db, clock: t.clock, renderer: t.app.services.renderer, job: payload, jobId: job.id, baseUrl: 'http://localhost' })]);
    await issueNotice({ db: t.db, clock: t.clock, renderer: t.app.services.renderer, job: payload, jobId: job.id, baseUrl: 'http://localhost' });
    expect(await t.db.notice.count({ where: { caseId: app.id } })).toBe(1);
  });

  it('when a job fails, then it is retried later with the error recorded', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    let calls = 0;
    const flaky = createWorker({
      db: t.db,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
      handlers: {
        notice: async (payload) => {
          if ((payload as NoticeJob).caseId === app.id) calls += 1;
          throw new Error('renderer exploded');
        },
        email: async () => undefined,
      },
    });
    await flaky.drain();
    const job = await t.db.outboxJob.findFirstOrThrow({ where: { payload: { contains: app.id }, kind: 'notice' } });
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'renderer exploded' });
    expect(job.runAfter.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(calls).toBe(1);
    t.clock.advance(10 * 60_000);
    await t.app.services.jobs.drain();
    expect((await t.db.notice.findMany({ where: { caseId: app.id } })).map((n) => n.kind)).toEqual(['receipt']);
  });
});
