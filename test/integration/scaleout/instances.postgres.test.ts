import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
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
import { eventually, freePort, startServer, type ServerProcess } from '../reliability/server';
import { parseEnvironmentFile, prepareNginx, readmeRecipe, substitute } from './recipe';
import { startNginx, type RunningNginx } from '../../../bench/lib/nginx';

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
  const cleanups: (() => Promise<void>)[] = [];
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
    for (const cleanup of cleanups) await cleanup();
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

  it('when the database is dumped with pg_dump and restored as the README says, then the uploaded files and notices come with it', async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'fps-dump-'));
    const copy = await createTestDatabase({ migrated: false });
    cleanups.push(async () => {
      await copy.drop();
      rmSync(dir, { recursive: true, force: true });
    });
    const draft = await buildDraftApplication({ app: a.url }, applicant);
    const bytes = Buffer.concat([PDF_BYTES, randomBytes(50_000)]);
    expect((await request(b.url).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'statutes').attach('file', bytes, 'satzung.pdf')).status).toBe(201);
    const file = join(dir, 'foerderportal.dump');
    await run('pg_dump', ['--format=custom', `--file=${file}`, testDb.url]);
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${copy.url}`, file]);

    const files = async (client: typeof testDb.database.client) =>
      (await client.storedFile.findMany({ orderBy: { key: 'asc' } })).map((f) => ({ key: f.key, sha256: sha256(f.bytes) }));
    const notices = async (client: typeof testDb.database.client) =>
      (await client.notice.findMany({ orderBy: { id: 'asc' } })).map((n) => ({ id: n.id, sha256: n.sha256, content: sha256(n.content) }));
    const restored = copy.database.client;
    expect((await files(db())).length).toBeGreaterThan(0);
    expect(await files(restored)).toEqual(await files(db()));
    expect(await notices(restored)).toEqual(await notices(db()));
    expect((await notices(restored)).every((n) => n.sha256 === n.content)).toBe(true);
    const attachment = await restored.attachment.findFirstOrThrow({ where: { caseId: draft.id } });
    expect(sha256((await restored.storedFile.findUniqueOrThrow({ where: { key: attachment.storageKey } })).bytes)).toBe(sha256(bytes));
  });

  it('when systemd checks the README\'s template unit, then it reports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fps-unit-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'foerderportal@.service'), readmeRecipe('foerderportal@.service'));
    const { stdout, stderr } = await promisify(execFile)('systemd-analyze', ['verify', join(dir, 'foerderportal@3001.service')]);
    expect(stdout + stderr).toBe('');
  });

  describe('behind nginx, configured as the README says', () => {
    let nginx: RunningNginx;
    let httpPort: number;
    let httpsPort: number;
    let behind: ServerProcess[];
    const origin = () => `https://127.0.0.1:${httpsPort}`;
    const through = () => request(origin());

    beforeAll(async () => {
      [httpPort, httpsPort] = [await freePort(), await freePort()];
      const ports = [await freePort(), await freePort()];
      // The instances get the README's environment file, with this test's database and address.
      const environment = substitute(readmeRecipe('portal.env'), [
        ['postgresql://foerderportal:geheim@db.stadt.example:5432/foerderportal', testDb.url],
        ['https://foerderportal.stadt.example', `https://127.0.0.1:${httpsPort}`],
      ]);
      behind = await Promise.all(ports.map((port) => startServer({ ...parseEnvironmentFile(environment), PORT: String(port), UPLOAD_DIR: env().UPLOAD_DIR })));
      extra.push(...behind);
      const prepared = prepareNginx();
      const site = substitute(readmeRecipe('nginx'), [
        ['127.0.0.1:3001', `127.0.0.1:${ports[0]}`],
        ['127.0.0.1:3002', `127.0.0.1:${ports[1]}`],
        ['listen 80;', `listen 127.0.0.1:${httpPort};`],
        ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
        ['/etc/foerderportal/tls/fullchain.pem', prepared.certificate],
        ['/etc/foerderportal/tls/privkey.pem', prepared.key],
      ]);
      nginx = await startNginx({ dir: prepared.dir, site, ports: [httpPort, httpsPort] });
      cleanups.unshift(() => nginx.stop());
    }, 240_000);

    it('when a browser comes by plain HTTP, then it is sent to HTTPS; over HTTPS the portal answers', async () => {
      const plain = await fetch(`http://127.0.0.1:${httpPort}/antraege`, { redirect: 'manual' });
      expect(plain.status).toBe(301);
      expect(plain.headers.get('location')).toMatch(/^https:\/\/127\.0\.0\.1(:\d+)?\/antraege$/);
      expect((await through().get('/healthz').disableTLSCerts()).status).toBe(200);
    });

    it('when a person signs in through nginx, then the secure session cookie works on every request, whichever instance serves it', async () => {
      const page = await through().get('/anmelden').disableTLSCerts();
      const preCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]!;
      expect(preCookie).toMatch(/; Secure/);
      const email = (await buildUser(db(), 'coordinator')).email;
      const signIn = await through()
        .post('/anmelden')
        .disableTLSCerts()
        .set({ Cookie: preCookie.split(';')[0]!, Origin: origin() })
        .type('form')
        .send({ email, password: PASSWORD, _csrf: csrfOf(page.text) });
      expect(signIn.status).toBe(303);
      const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
      const statuses = await Promise.all(Array.from({ length: 8 }, () => through().get('/api/v1/me').disableTLSCerts().set('Cookie', cookie).then((r) => r.status)));
      expect(statuses).toEqual(Array(8).fill(200));
    });

    it('when a 3 MB attachment goes through nginx, then it is accepted and comes back unchanged', async () => {
      const draft = await buildDraftApplication({ app: a.url }, applicant);
      const bytes = Buffer.concat([PDF_BYTES, randomBytes(3 * 1024 * 1024)]);
      const upload = await through().post(`/api/v1/applications/${draft.id}/attachments`).disableTLSCerts().set(auth(applicant)).field('kind', 'concept').attach('file', bytes, 'konzept.pdf');
      expect(upload.status).toBe(201);
      const download = await through()
        .get(`/api/v1/applications/${draft.id}/attachments/${(upload.body as { id: string }).id}`)
        .disableTLSCerts()
        .set(auth(applicant))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(sha256(download.body as Buffer)).toBe(sha256(bytes));
    });

    it('when a client sends its own X-Forwarded-For, then it is still throttled under the address nginx saw', async () => {
      const counter = () => db().rateLimiterFlexible.findUnique({ where: { key: 'signin_address:127.0.0.1' } });
      const before = (await counter())?.points ?? 0;
      const email = (await buildUser(db(), 'applicant')).email;
      const res = await through().post('/api/v1/auth/tokens').disableTLSCerts().set('X-Forwarded-For', '203.0.113.9').send({ email, password: 'falsch-geraten' });
      expect(res.status).toBe(401);
      expect((await counter())?.points).toBe(before + 1);
      expect(await db().rateLimiterFlexible.count({ where: { key: { contains: '203.0.113.9' } } })).toBe(0);
    });

    it('when one instance behind nginx is killed, then nginx sends every request to the other', async () => {
      await behind[1]!.kill('SIGKILL');
      const reads = await Promise.all(Array.from({ length: 8 }, () => through().get('/api/v1/me').disableTLSCerts().set(auth(coordinator)).then((r) => r.status)));
      expect(reads).toEqual(Array(8).fill(200));
      const email = (await buildUser(db(), 'head')).email;
      const issued = await Promise.all(Array.from({ length: 3 }, () => through().post('/api/v1/auth/tokens').disableTLSCerts().send({ email, password: PASSWORD }).then((r) => r.status)));
      expect(issued).toEqual([201, 201, 201]);
    });
  });
});
