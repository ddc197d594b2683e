import { rmSync } from 'node:fs';
import BetterSqlite from 'better-sqlite3';
import { bearerToken, csrfOf, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildUser, PASSWORD } from '../../support/factories';
import { buildSubmittedApplication } from '../../support/cases';
import { t as text } from '../../../src/i18n/t';
import { sideApp, startServer, type ServerProcess } from './server';

/**
 * SQLite's way of "going away": the database file is a part of the portal's own process, so no
 * connection can be lost, but another process (a backup tool, an sqlite3 shell, a second portal
 * started by mistake) can hold its write lock longer than the busy timeout. Then the portal
 * must answer 503 with Retry-After, write nothing half, and carry on once the lock is gone.
 * (PostgreSQL's outage is tested in database-outage.postgres.test.ts.)
 */
describe('when another process holds the SQLite database locked', () => {
  let testDb: TestDatabase;
  let side: TestApp;
  let server: ServerProcess;
  let coordinator: string;
  let coordinatorEmail: string;
  let caseId: string;
  let lock: BetterSqlite.Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    side = await sideApp(testDb);
    const applicant = await bearerToken(side.app, (await buildUser(side.db, 'applicant')).email, PASSWORD);
    coordinatorEmail = (await buildUser(side.db, 'coordinator')).email;
    coordinator = await bearerToken(side.app, coordinatorEmail, PASSWORD);
    caseId = (await buildSubmittedApplication(side, applicant)).id;
    await side.app.services.jobs.drain();
    server = await startServer({ DATABASE_URL: testDb.url, UPLOAD_DIR: side.uploadDir });
  }, 90_000);
  afterAll(async () => {
    if (lock?.open) lock.close();
    await server?.kill('SIGTERM');
    await side.close();
    await testDb.drop();
    rmSync(side.uploadDir, { recursive: true, force: true });
  });

  const startReview = () =>
    fetch(`${server.url}/api/v1/applications/${caseId}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${coordinator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'START_REVIEW' }),
    });

  it('then a change is answered 503 problem+json with Retry-After, a person gets the German page, and nothing is written', async () => {
    // Signed in before the lock: signing in writes a session.
    const signIn = await fetch(`${server.url}/anmelden`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const form = new URLSearchParams({ _csrf: csrfOf(await signIn.text()), email: coordinatorEmail, password: PASSWORD });
    const signedIn = await fetch(`${server.url}/anmelden`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    const session = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const casePage = await fetch(`${server.url}/antraege/${caseId}`, { headers: { Cookie: session } });
    const csrf = csrfOf(await casePage.text());

    const before = {
      row: await side.db.case.findUniqueOrThrow({ where: { id: caseId } }),
      audit: await side.db.auditEvent.count(),
      jobs: await side.db.outboxJob.count(),
    };
    lock = new BetterSqlite(testDb.url.replace(/^file:/, ''));
    lock.exec('BEGIN EXCLUSIVE');

    const api = await startReview();
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(api.headers.get('retry-after')).toBeTruthy();
    expect(await api.json()).toMatchObject({ status: 503, type: '/problems/unavailable', detail: text('errors.503.detail') });

    const page = await fetch(`${server.url}/antraege/${caseId}/ereignisse`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: session, 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: new URLSearchParams({ _csrf: csrf, type: 'START_REVIEW' }),
    });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain(text('errors.503.title'));

    // Readers are not blocked in WAL mode, so the refused changes can be checked while locked.
    expect(await side.db.case.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before.row);
    expect(await side.db.auditEvent.count()).toBe(before.audit);
    expect(await side.db.outboxJob.count()).toBe(before.jobs);
  }, 90_000);

  it('then, once the lock is released, the same change goes through exactly once', async () => {
    lock.exec('ROLLBACK');
    lock.close();
    const res = await startReview();
    expect(res.status).toBe(200);
    expect(await side.db.auditEvent.count({ where: { subjectId: caseId, action: 'START_REVIEW' } })).toBe(1);
    expect((await side.db.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe('in_review');
  }, 60_000);
});
