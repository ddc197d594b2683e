import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import { providerOf, type DatabaseProvider } from '../config';
import { ReusingSqliteAdapter } from './reused-statements';

/**
 * Both generated clients have identical models (rendered from one source), so the SQLite
 * client's type describes either; only the adapter and the SQL dialect differ.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface Database {
  client: Db;
  provider: DatabaseProvider;
  url: string;
  close(): Promise<void>;
}

export function sqliteFilePath(url: string): string {
  return resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''));
}

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  let client: Db;
  if (provider === 'sqlite') {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    client = new SqliteClient({ adapter: new ReusingSqliteAdapter({ url: file, timeout: 10_000 }) });
    // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes.
    await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await client.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  } else {
    client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
  }
  return {
    client,
    provider,
    url,
    close: () => client.$disconnect(),
  };
}

/** True when the database answers a trivial query. */
export async function isDatabaseUp(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
