import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildApprovedOrganisation, buildUser } from '../../support/factories';
import { optimizeQueryPlans } from '../../../src/db/optimize';

// Runs on both databases: SQLite's planner needs the statistics, and PostgreSQL's does where
// autovacuum is off, as on the server the tests run against.
describe('refreshing the query planner statistics', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('when many cases exist and the statistics are refreshed, then a filter by a few ids looks them up by primary key', async () => {
    const db = t.database.client;
    const org = await buildApprovedOrganisation(db);
    const user = await buildUser(db, 'applicant', { organisationId: org.id });
    await db.case.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        id: `case${String(i).padStart(6, '0')}`,
        kind: 'application',
        reference: `TEST-PLAN-${i}`,
        organisationId: org.id,
        state: 'submitted',
        submittedAt: new Date(),
        machineVersion: 1,
        context: '{}',
        title: `Projekt ${i}`,
        createdById: user.id,
      })),
    });
    // The shape of a search's count once the trigram index named the matching cases.
    const countOfFew = `SELECT COUNT(*) FROM "Case" WHERE "kind" = 'application' AND "submittedAt" IS NOT NULL AND "id" IN ('case000007', 'case002999')`;
    const plan = async () =>
      (await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${countOfFew}`)).map((r) => r.detail).join(' | ');

    if (t.database.provider === 'sqlite') {
      expect(await plan()).not.toContain('sqlite_autoindex_Case_1');
      await optimizeQueryPlans(t.database);
      expect(await plan()).toContain('sqlite_autoindex_Case_1 (id=?)');
      const stats = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE "tbl" = 'Case'`);
      expect(Number(stats[0]!.n)).toBeGreaterThan(0);
    } else {
      const analysed = async () =>
        (await db.$queryRawUnsafe<{ at: Date | null }[]>(`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'Case'`))[0]?.at ?? null;
      // pg_stat_user_tables is updated by the statistics collector a moment after the change.
      const before = await analysed();
      await optimizeQueryPlans(t.database);
      let after = await analysed();
      for (let i = 0; i < 50 && (after === null || after === before); i++) {
        await new Promise((r) => setTimeout(r, 100));
        await db.$executeRawUnsafe('SELECT pg_stat_clear_snapshot()');
        after = await analysed();
      }
      expect(after).not.toBeNull();
      expect(after).not.toEqual(before);
    }
    const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(countOfFew.replace('COUNT(*)', 'COUNT(*) AS n'));
    expect(Number(rows[0]!.n)).toBe(2);
  });
});
