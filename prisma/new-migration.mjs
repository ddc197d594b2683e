#!/usr/bin/env node
// Usage: npm run db:migration -- <name>
// Renders both schemas from prisma/models.prisma and writes one migration per database
// (prisma/sqlite/migrations and prisma/postgres/migrations) with Prisma's schema engine compiled
// to WebAssembly, so no native engine download is needed. PostgreSQL needs a server for its
// shadow database: SHADOW_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffToSql } from './migration-diff.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case>');
  process.exit(1);
}
execFileSync('npx', ['tsx', join(root, 'prisma', 'render-schemas.ts')], { stdio: 'inherit' });
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
let code = 0;
try {
  for (const folder of ['sqlite', 'postgres']) {
    const migrations = join(root, 'prisma', folder, 'migrations');
    const { sql } = await diffToSql({ from: { migrations }, to: join(root, 'prisma', folder, 'schema.prisma'), exitCode: true });
    if (/^-- This is an empty migration\.\s*$/.test(sql)) {
      console.log(`${folder}: no changes`);
      continue;
    }
    const target = join(migrations, `${stamp}_${name}`);
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'migration.sql'), sql);
    console.log(`${folder}: wrote ${target}/migration.sql`);
  }
} catch (error) {
  console.error(error?.message ?? error);
  code = 1;
}
// The PostgreSQL adapter's pool would keep the process alive.
process.exit(code);
