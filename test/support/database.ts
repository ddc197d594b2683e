import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';

export interface TestDatabase {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database per test file: an SQLite file in a temporary folder, or, when
 * TEST_DATABASE_URL names a PostgreSQL server, a new database on it that is dropped afterwards.
 * `migrated: false` leaves it empty, for servers that are to migrate it themselves.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const base = process.env.TEST_DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const name = `fps_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await adminQuery(base, `CREATE DATABASE "${name}"`);
    const url = withDatabase(base, name);
    if (migrated) await migrate(url);
    const database = await openDatabase(url);
    return {
      url,
      database,
      drop: async () => {
        await database.close();
        await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'fps-test-'));
  const url = `file:${join(folder, 'test.db')}`;
  if (migrated) await migrate(url);
  const database = await openDatabase(url);
  return {
    url,
    database,
    drop: async () => {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
