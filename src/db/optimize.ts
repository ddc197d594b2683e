import type { Database } from './client';

/** How often a running server refreshes the planner's statistics (SQLite's advice: hourly to daily). */
export const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * Refreshes SQLite's table statistics where they are missing or stale (`PRAGMA optimize`, as
 * SQLite advises for long-lived connections). Without them the planner takes `kind = ?` to match
 * a handful of rows, so a search that knows its dozen ids from the trigram index walked every
 * case of the kind in an index instead (60 ms at 100,000 cases for its count alone). The
 * analysis limit samples each index instead of reading it whole: 75 ms at 100,000 cases instead
 * of 1.3 s, on the event loop.
 *
 * PostgreSQL's autovacuum gathers its statistics when it runs; where it is off (as on the test
 * and benchmark server here) they never exist, and a search at 100,000 cases first walked every
 * case of the kind in an index (p95 105 ms against 72 ms with them). ANALYZE samples each table
 * (0.4 s for the whole database at 100,000 cases) and blocks neither reads nor writes.
 */
export async function optimizeQueryPlans(database: Pick<Database, 'client' | 'provider'>): Promise<void> {
  if (database.provider === 'postgresql') {
    await database.client.$executeRawUnsafe('ANALYZE');
    return;
  }
  await database.client.$queryRawUnsafe('PRAGMA analysis_limit = 1000');
  await database.client.$executeRawUnsafe('PRAGMA optimize = 0x10002');
}
