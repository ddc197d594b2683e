import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

const PG_BASE_URL = process.env.PG_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database of the given kind; the server migrates it at start. */
export async function freshDatabase(kind: 'sqlite' | 'postgres', name: string): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `fps-bench-${name}-`));
    return { url: `file:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = `fps_bench_${name}_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: PG_BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(PG_BASE_URL);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: PG_BASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
    },
  };
}
