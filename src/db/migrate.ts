import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Client } from 'pg';
import { providerOf, type DatabaseProvider } from '../config';
import { sqliteFilePath } from './client';
import { projectRoot } from '../paths';

/**
 * Applies the committed migration SQL in order and records each in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status/deploy` agree with it on machines that
 * can run Prisma's native engine. It needs no engine and no download.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const PRISMA_ROOT = join(projectRoot, 'prisma');

export function migrationsFolder(provider: DatabaseProvider): string {
  return join(PRISMA_ROOT, provider === 'postgresql' ? 'postgres' : 'sqlite', 'migrations');
}

export function readMigrations(folder: string): Migration[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export function pendingMigrations(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const local = all.find((m) => m.name === name);
    if (!local) throw new Error(`Migration ${name} is applied in the database but missing here`);
    if (local.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
  }
  return all.filter((m) => !applied.has(m.name));
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Sqlite(file, { timeout: 10_000 });
  try {
    db.exec(SQLITE_TABLE);
    const rows = db
      .prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL')
      .all() as { migration_name: string; checksum: string }[];
    const pending = pendingMigrations(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    const record = db.prepare(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
    );
    for (const m of pending) {
      db.transaction(() => {
        const started = new Date().toISOString();
        db.exec(m.sql);
        record.run(randomUUID(), m.checksum, m.name, started, new Date().toISOString());
      }).immediate();
    }
    return pending.map((m) => m.name);
  } finally {
    db.close();
  }
}

// Any constant works; it keeps two instances starting at once from migrating together.
const ADVISORY_LOCK_KEY = 7_262_011;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    );
    const pending = pendingMigrations(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of pending) {
      await client.query('BEGIN');
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 1)',
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(migrationsFolder(provider));
  return provider === 'sqlite' ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
