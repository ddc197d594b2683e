import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const providers = ['sqlite', 'postgresql'] as const;
export type Provider = (typeof providers)[number];

export function folderOf(provider: Provider): string {
  return provider === 'postgresql' ? 'postgres' : 'sqlite';
}

/**
 * A line of models.prisma that starts with `//postgresql: ` is a PostgreSQL-only attribute (an
 * index type SQLite lacks): it becomes a real line in PostgreSQL's schema and stays a comment in
 * SQLite's.
 */
export function onlyFor(provider: Provider, models: string): string {
  return provider === 'postgresql' ? models.replace(/^(\s*)\/\/postgresql: /gm, '$1') : models;
}

export function renderSchema(provider: Provider, models: string): string {
  const folder = folderOf(provider);
  return `// Rendered from prisma/models.prisma by prisma/render-schemas.ts. Do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${folder}"
  moduleFormat = "cjs"
  // The size-optimised query compiler: it runs once per query shape (Prisma keeps the plans),
  // and the default build cost about 80 MB more resident memory once V8 had compiled it.
  compilerBuild = "small"
}

datasource db {
  provider = "${provider}"
}

${onlyFor(provider, models)}`;
}

export function renderAll(root: string): Map<string, string> {
  const models = readFileSync(join(root, 'prisma', 'models.prisma'), 'utf8');
  return new Map(
    providers.map((p) => [join(root, 'prisma', folderOf(p), 'schema.prisma'), renderSchema(p, models)]),
  );
}

if (require.main === module) {
  for (const [path, text] of renderAll(join(__dirname, '..'))) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
}
