import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import pino from 'pino';
import { createApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { openDatabase, type Database } from '../../../src/db/client';
import { seedReferenceData } from '../../../src/cases/reference-data';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import { t as text } from '../../../src/i18n/t';
import { bearerToken, signInCookie, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildUser, PASSWORD } from '../../support/factories';
import { buildSubmittedApplication, sendEvent } from '../../support/cases';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { eventually } from './server';


/**
 * PostgreSQL is a server of its own and can go away under a running portal (restart, network,
 * failover). A TCP proxy between portal and database is cut and restored.
 *
 * SQLite has no connection to lose: the database is a file inside the portal's own process. Its
 * way of being away, a lock held by another process beyond the busy timeout, is tested in
 * database-lock.sqlite.test.ts. Hence this file runs on PostgreSQL only (jest.config.js collects
 * *.postgres.test.ts only when TEST_DATABASE_URL is a PostgreSQL URL).
 */
describe('when the database goes away under a running portal', () => {
  let testDb: TestDatabase;
  let proxy: TcpProxy;
  let database: Database;
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let cookie: string;
  let caseId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const target = new URL(testDb.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(testDb.url);
    viaProxy.port = String(proxy.port);
    database = await openDatabase(viaProxy.toString());
    const uploadDir = mkdtempSync(join(tmpdir(), 'fps-uploads-'));
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'silent', UPLOAD_DIR: uploadDir });
    await seedReferenceData(database.client);
    await seedAuthorityProfile(database.client);
    const app = createApp({ config, database, logger: pino({ level: 'silent' }) });
    t = { app, testDb, db: testDb.database.client, clock: undefined as never, uploadDir, close: async () => undefined };
    const member = await buildUser(t.db, 'applicant');
    applicant = await bearerToken(app, member.email, PASSWORD);
    const coord = await buildUser(t.db, 'coordinator');
    coordinator = await bearerToken(app, coord.email, PASSWORD);
    cookie = await signInCookie(app, coord.email, PASSWORD);
    caseId = (await buildSubmittedApplication(t, applicant)).id;
  });
  afterAll(async () => {
    await t.app.services.jobs.stop();
    await t.app.services.renderer.close();
    await database.close();
    await proxy.close();
    await testDb.drop();
    rmSync(t.uploadDir, { recursive: true, force: true });
  });

  it('then the API answers 503 problem+json, people get a page that says so, and nothing is half written', async () => {
    const before = {
      row: await t.db.case.findUniqueOrThrow({ where: { id: caseId } }),
      audit: await t.db.auditEvent.count(),
      jobs: await t.db.outboxJob.count(),
    };
    await proxy.cut();

    const api = await sendEvent(t, coordinator, caseId, { type: 'START_REVIEW' });
    expect(api.status).toBe(503);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.headers['retry-after']).toBeDefined();
    expect(api.body).toMatchObject({ status: 503, type: '/problems/unavailable', detail: text('errors.503.detail') });

    const page = await request(t.app).get(`/antraege/${caseId}`).set('Cookie', cookie);
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain(text('errors.503.title'));
    expect(page.text).toContain(text('errors.503.detail'));

    expect((await request(t.app).get('/healthz')).status).toBe(503);

    // The direct connection (not through the proxy) shows that the refused change left no trace.
    expect(await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before.row);
    expect(await t.db.auditEvent.count()).toBe(before.audit);
    expect(await t.db.outboxJob.count()).toBe(before.jobs);
  });

  it('then, once the database is back, the portal recovers by itself', async () => {
    await proxy.restore();
    await eventually(async () => (await request(t.app).get('/healthz')).status === 200);
    const page = await request(t.app).get(`/antraege/${caseId}`).set('Cookie', cookie);
    expect(page.status).toBe(200);
  });

  it('when the connection dies in the middle of a change, then 503 and the change is rolled back whole', async () => {
    const before = await t.db.case.findUniqueOrThrow({ where: { id: caseId } });
    const audit = await t.db.auditEvent.count({ where: { subjectId: caseId } });
    // The case row is already updated inside the transaction when its audit event is held back.
    const held = proxy.holdWhenSent('"AuditEvent"');
    const pending = sendEvent(t, coordinator, caseId, { type: 'START_REVIEW' }).then((r) => r);
    await held;
    await proxy.cut();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { subjectId: caseId } })).toBe(audit);

    await proxy.restore();
    await eventually(async () => (await request(t.app).get('/healthz')).status === 200);
    expect((await sendEvent(t, coordinator, caseId, { type: 'START_REVIEW' })).status).toBe(200);
    expect(await t.db.auditEvent.count({ where: { subjectId: caseId, action: 'START_REVIEW' } })).toBe(1);
  });
});
