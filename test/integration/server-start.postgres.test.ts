import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { START_LIMIT_MS, startServer, waitForHealth } from '../support/server-process';

jest.setTimeout(3 * START_LIMIT_MS);

describe('starting the server on PostgreSQL', () => {
  let testDb: TestDatabase;
  let other: Client;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    other = new Client({ connectionString: testDb.url });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await testDb.drop();
  });

  const waitingAnalyses = async () =>
    Number(
      (
        await other.query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query ILIKE 'ANALYZE%'`,
        )
      ).rows[0]!.n,
    );

  it('when the planner statistics cannot be refreshed yet, then the server answers anyway and refreshes them once it can', async () => {
    // ANALYZE needs this lock on every table it samples; a long ANALYZE of a million cases held
    // the server back from listening the same way.
    await other.query('BEGIN');
    await other.query('LOCK TABLE "Case" IN SHARE UPDATE EXCLUSIVE MODE');
    const port = 40_000 + Math.floor(Math.random() * 1000);
    const server = startServer({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: testDb.url });
    try {
      await waitForHealth(port);
      expect(await waitingAnalyses()).toBe(1);

      await other.query('COMMIT');
      for (let i = 0; i < 100 && (await waitingAnalyses()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await waitingAnalyses()).toBe(0);
      let analysed: Date | null = null;
      for (let i = 0; i < 50 && analysed === null; i++) {
        await other.query('SELECT pg_stat_clear_snapshot()');
        analysed = (await other.query<{ at: Date | null }>(`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'Case'`)).rows[0]?.at ?? null;
        if (analysed === null) await new Promise((r) => setTimeout(r, 100));
      }
      expect(analysed).not.toBeNull();
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});
