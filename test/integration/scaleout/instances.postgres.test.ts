import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearerToken, csrfOf } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { filesBelow } from '../../support/disk';
import { buildUser, PASSWORD } from '../../support/factories';
import { PDF_BYTES, buildApplicationAwaitingDecision, buildDraftApplication, sendEvent } from '../../support/cases';
import { erfurtDistricts } from '../../../src/cases/reference-data';
import { demoAccounts } from '../../../src/db/demo-data';
import { migrationsFolder } from '../../../src/db/migrate';
import { defaultThrottleLimits } from '../../../src/auth/throttle';
import { auditActions, expectOneWinner, race } from '../reliability/race';
import { eventually, startServer, type ServerProcess } from '../reliability/server';

/**
 * Three real server processes on one fresh PostgreSQL database, as operators run them behind a
 * load balancer: whatever one instance writes, the others see, because nothing that matters
 * lives in a process. Each instance has an upload folder of its own, which stays empty.
 */
const LEASE_SECONDS = 6;

jest.setTimeout(180_000);

describe('several instances on one PostgreSQL database', () => {
  let testDb: TestDatabase;
  let instances: ServerProcess[];
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  const uploadDirs: string[] = [];
  const extra: ServerProcess[] = [];
  let applicant: string;
  let coordinator: string;
  let head: string;
  let secondHead: string;

  const db = () => testDb.database.client;
  const env = () => {
    const uploadDir = mkdtempSync(join(tmpdir(), 'fps-instance-'));
    uploadDirs.push(uploadDir);
    // A short lease, so that a killed instance's claim is taken over within the test.
    return { DATABASE_URL: testDb.url, UPLOAD_DIR: uploadDir, OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) };
  };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
  const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const allJobsDone = () => eventually(async () => (await db().outboxJob.count({ where: { status: { not: 'done' } } })) === 0, 60_000);

  beforeAll(async () => {
    // Empty: the instances migrate and seed it themselves, all three at once.
    testDb = await createTestDatabase({ migrated: false });
    instances = await Promise.all([0, 1, 2].map(() => startServer({ ...env(), DEMO_DATA: 'true' })));
    [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
    applicant = await bearerToken(a.url, (await buildUser(db(), 'applicant')).email, PASSWORD);
    coordinator = await bearerToken(b.url, (await buildUser(db(), 'coordinator')).email, PASSWORD);
    head = await bearerToken(c.url, (await buildUser(db(), 'head')).email, PASSWORD);
    secondHead = await bearerToken(a.url, (await buildUser(db(), 'head')).email, PASSWORD);
  }, 240_000);
  afterAll(async () => {
    for (const server of [...(instances ?? []), ...extra]) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGCONT');
        await server.kill('SIGKILL');
      }
    }
    await testDb.drop();
    for (const dir of uploadDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when three instances start at once on an empty database, then it is migrated and seeded exactly once', async () => {
    const migrations = readdirSync(migrationsFolder('postgresql')).length;
    expect(await db().$queryRawUnsafe<{ n: number }[]>('SELECT COUNT(*)::int AS n FROM "_prisma_migrations"')).toEqual([{ n: migrations }]);
    expect(await db().user.count({ where: { email: { in: demoAccounts.map((d) => d.email) } } })).toBe(demoAccounts.length);
    expect(await db().district.count()).toBe(erfurtDistricts.length);
    expect(await db().authorityProfile.count()).toBe(1);
    for (const server of instances) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('when a person signs in through one instance, then the session continues on the others, and signing out on one ends it on all', async () => {
    const email = (await buildUser(db(), 'coordinator')).email;
    // The form comes from A and is posted to B: the CSRF token lives in the shared session.
    const page = await fetch(`${a.url}/anmelden`);
    const preCookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const signIn = await fetch(`${b.url}/anmelden`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: preCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrfOf(await page.text()) }),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const listStatus = (server: ServerProcess) => fetch(`${server.url}/api/v1/applications`, { headers: { Cookie: cookie } }).then((r) => r.status);
    expect(await Promise.all(instances.map(listStatus))).toEqual([200, 200, 200]);

    const home = await fetch(`${c.url}/antraege`, { headers: { Cookie: cookie } });
    expect(home.status).toBe(200);
    const signOut = await fetch(`${a.url}/abmelden`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(await home.text()) }),
    });
    expect(signOut.status).toBe(303);
    expect(await Promise.all(instances.map(listStatus))).toEqual([401, 401, 401]);
  });

  it('when an API token is issued by one instance, then the others accept it, and revoked on one it is refused by all', async () => {
    const token = await bearerToken(a.url, (await buildUser(db(), 'coordinator')).email, PASSWORD);
    const me = (server: ServerProcess) => fetch(`${server.url}/api/v1/me`, { headers: auth(token) }).then((r) => r.status);
    expect(await Promise.all(instances.map(me))).toEqual([200, 200, 200]);
    expect((await fetch(`${b.url}/api/v1/auth/tokens/current`, { method: 'DELETE', headers: auth(token) })).status).toBe(204);
    expect(await Promise.all(instances.map(me))).toEqual([401, 401, 401]);
  });

  it('when a file is uploaded through one instance, then the others serve the same bytes, from the database and not from any disk', async () => {
    const draft = await buildDraftApplication({ app: a.url }, applicant);
    const bytes = Buffer.concat([PDF_BYTES, Buffer.from(`Kostenplan für ${draft.reference}\n`)]);
    const upload = await request(b.url).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'cost_plan').attach('file', bytes, 'kostenplan.pdf');
    expect(upload.status).toBe(201);
    const attachmentId = (upload.body as { id: string }).id;
    const download = (server: ServerProcess) => fetch(`${server.url}/api/v1/applications/${draft.id}/attachments/${attachmentId}`, { headers: auth(applicant) });
    for (const server of [a, c]) {
      const res = await download(server);
      expect(res.status).toBe(200);
      expect(await bytesOf(res)).toEqual(bytes);
    }
    const stored = await db().attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    expect(await db().storedFile.count({ where: { key: stored.storageKey } })).toBe(1);
    for (const dir of uploadDirs) expect(filesBelow(dir)).toEqual([]);

    expect((await fetch(`${c.url}/api/v1/applications/${draft.id}/attachments/${attachmentId}`, { method: 'DELETE', headers: auth(applicant) })).status).toBe(204);
    expect((await download(a)).status).toBe(404);
    expect(await db().storedFile.count({ where: { key: stored.storageKey } })).toBe(0);
  });

  it('when a decision is made through one instance, then the notice its worker issues is served by the others, unchanged', async () => {
    const app = await buildApplicationAwaitingDecision({ app: a.url }, applicant, coordinator);
    expect((await sendEvent({ app: b.url }, head, app.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(200);
    await eventually(async () => (await db().notice.count({ where: { caseId: app.id, kind: 'grant' } })) === 1, 60_000);
    const notice = await db().notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } });
    for (const server of [a, c]) {
      const res = await fetch(`${server.url}/api/v1/notices/${notice.id}`, { headers: auth(applicant) });
      expect(res.status).toBe(200);
      expect(sha256(await bytesOf(res))).toBe(notice.sha256);
    }
    const verified = await fetch(`${c.url}/api/v1/verify/${notice.verificationCode}`);
    expect(await verified.json()).toMatchObject({ code: notice.verificationCode, sha256: notice.sha256 });
  });

  it('when wrong passwords arrive at all instances at once, then the throttle counts them together and locks the account for all', async () => {
    const email = (await buildUser(db(), 'applicant')).email;
    const limit = defaultThrottleLimits.perAccount;
    const attempts = limit + 4;
    const guess = (i: number) => () => request(instances[i % 3]!.url).post('/api/v1/auth/tokens').send({ email, password: `falsch-geraten-${i}` });
    const statuses = (await race(Array.from({ length: attempts }, (_, i) => guess(i)))).map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(limit).fill(401), ...Array(attempts - limit).fill(429)]);
    // Even the right password is refused now, on every instance.
    for (const server of instances) {
      expect((await request(server.url).post('/api/v1/auth/tokens').send({ email, password: PASSWORD })).status).toBe(429);
    }
  });

  it('when the instance holding a notice job is killed, then another takes the job over after the lease and exactly one notice is issued', async () => {
    const app = await buildApplicationAwaitingDecision({ app: a.url }, applicant, coordinator);
    const doomed = await startServer({ ...env(), TEST_OUTBOX_HALT: 'after-claim' });
    extra.push(doomed);
    await allJobsDone();
    // The others are frozen, so that the doomed instance is the one that claims the job.
    for (const server of instances) server.child.kill('SIGSTOP');
    try {
      expect((await sendEvent({ app: doomed.url }, head, app.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(200);
      await doomed.waitFor('TEST_OUTBOX_HALT reached after-claim', 60_000);
    } finally {
      for (const server of instances) server.child.kill('SIGCONT');
    }
    const grantJob = async () => (await db().outboxJob.findMany({ where: { kind: 'notice', payload: { contains: app.id } } })).find((j) => j.payload.includes('"grant"'))!;
    const held = await grantJob();
    expect(held).toMatchObject({ status: 'running', attempts: 1 });
    await doomed.kill('SIGKILL');

    await eventually(async () => (await grantJob()).status === 'done', 60_000);
    const taken = await grantJob();
    expect(taken.attempts).toBe(2);
    expect(taken.claimedBy).not.toBe(held.claimedBy);
    expect(taken.claimedAt!.getTime() - held.claimedAt!.getTime()).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000);
    const notices = await db().notice.findMany({ where: { caseId: app.id, kind: 'grant' } });
    expect(notices).toHaveLength(1);
    expect(sha256(notices[0]!.content)).toBe(notices[0]!.sha256);
    expect((await db().case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('approved');
  });

  it('when heads decide the same case through different instances at once, then exactly one decision wins and one notice follows', async () => {
    const app = await buildApplicationAwaitingDecision({ app: a.url }, applicant, coordinator);
    const responses = await race([
      () => sendEvent({ app: a.url }, head, app.id, { type: 'APPROVE', amount: '10500.00' }),
      () => sendEvent({ app: b.url }, secondHead, app.id, { type: 'REJECT', rationale: 'Das Angebot besteht im Ortsteil bereits.' }),
      () => sendEvent({ app: c.url }, head, app.id, { type: 'APPROVE', amount: '10500.00' }),
    ]);
    expectOneWinner(responses, 200);
    const actions = await auditActions(db(), app.id);
    expect(actions.filter((x) => x === 'APPROVE' || x === 'REJECT')).toHaveLength(1);
    await allJobsDone();
    expect(await db().notice.count({ where: { caseId: app.id, kind: { in: ['grant', 'rejection'] } } })).toBe(1);
  });
});
