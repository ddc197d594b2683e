import { Client } from 'pg';
import { providerOf } from '../config';

// Any constant other than the migration lock's (migrate.ts), which is taken inside this one.
const STARTUP_LOCK_KEY = 7_262_012;

/**
 * Runs `work` (migrations and seeding at start) while no other instance on the same PostgreSQL
 * database runs its own: instances started together on an empty database would otherwise each
 * find it empty and seed it twice, and all but one would fail on the duplicates. SQLite serves
 * one process, so there is nothing to wait for.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (providerOf(url) === 'sqlite') return work();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
