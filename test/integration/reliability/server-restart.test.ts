import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { bearerToken, csrfOf, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision } from '../../support/cases';
import { eventually, sideApp, startServer, type ServerProcess } from './server';

// Each test starts a server process or two, and a start may take most of a minute under CI load.
jest.setTimeout(150_000);

/**
 * The real server process is killed (SIGKILL: no shutdown code runs) at the worst moments and
 * started again on the same database, as a crash and a restart by systemd or a container would.
 */
describe('a server process that is killed or restarted', () => {
  let testDb: TestDatabase;
  let side: TestApp;
  let applicant: string;
  let coordinator: string;
  let head: string;
  let headEmail: string;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    side = await sideApp(testDb);
    applicant = await bearerToken(side.app, (await buildUser(side.db, 'applicant')).email, PASSWORD);
    coordinator = await bearerToken(side.app, (await buildUser(side.db, 'coordinator')).email, PASSWORD);
    headEmail = (await buildUser(side.db, 'head')).email;
    head = await bearerToken(side.app, headEmail, PASSWORD);
  });
  afterEach(async () => {
    for (const server of running.splice(0)) if (server.child.exitCode === null) await server.kill('SIGKILL');
  });
  afterAll(async () => {
    await side.close();
    await testDb.drop();
    rmSync(side.uploadDir, { recursive: true, force: true });
  });

  const serve = async (env: Record<string, string> = {}) => {
    // A short lease, so the restarted worker takes over the dead one's claim within the test.
    const server = await startServer({ DATABASE_URL: testDb.url, UPLOAD_DIR: side.uploadDir, OUTBOX_LEASE_SECONDS: '1', ...env });
    running.push(server);
    return server;
  };

  it.each(['after-commit', 'after-claim', 'after-render'] as const)(
    'when the process is killed %s of a decision, then the restarted portal issues exactly one notice',
    async (point) => {
      const app = await buildApplicationAwaitingDecision(side, applicant, coordinator);
      await side.app.services.jobs.drain();
      const doomed = await serve({ TEST_OUTBOX_HALT: point });
      const res = await fetch(`${doomed.url}/api/v1/applications/${app.id}/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${head}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'APPROVE', amount: '10500.00' }),
      });
      expect(res.status).toBe(200);
      await doomed.waitFor(`TEST_OUTBOX_HALT reached ${point}`);
      expect(await side.db.notice.count({ where: { caseId: app.id, kind: 'grant' } })).toBe(0);
      await doomed.kill('SIGKILL');

      const restarted = await serve();
      const jobs = () => side.db.outboxJob.findMany({ where: { payload: { contains: app.id } } });
      await eventually(async () => (await jobs()).every((j) => j.status === 'done'));
      const notices = await side.db.notice.findMany({ where: { caseId: app.id, kind: 'grant' } });
      expect(notices).toHaveLength(1);
      expect(createHash('sha256').update(notices[0]!.content).digest('hex')).toBe(notices[0]!.sha256);
      expect((await side.db.case.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('approved');
      expect(await side.db.auditEvent.count({ where: { subjectId: app.id, action: 'APPROVE' } })).toBe(1);
      expect(await restarted.kill('SIGTERM')).toBe(0);
    },
  );

  it('when the server restarts, then a session cookie from before still signs the person in', async () => {
    const first = await serve();
    const page = await fetch(`${first.url}/anmelden`);
    const preCookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const signIn = await fetch(`${first.url}/anmelden`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: preCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: headEmail, password: PASSWORD, _csrf: csrfOf(await page.text()) }),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = (server: ServerProcess, withCookie = true) =>
      fetch(`${server.url}/api/v1/applications`, { headers: withCookie ? { Cookie: cookie } : {} }).then((r) => r.status);
    expect(await me(first)).toBe(200);
    expect(await first.kill('SIGTERM')).toBe(0);

    const second = await serve();
    expect(await me(second)).toBe(200);
    expect(await me(second, false)).toBe(401);
  });
});
