import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const providers = ['sqlite', 'postgresql'] as const;
export type Provider = (typeof providers)[number];

export function folderOf(provider: Provider): string {
  return provider === 'postgresql' ? 'postgres' : 'sqlite';
}

export function renderSchema(provider: Provider, models: string): string {
  const folder = folderOf(provider);
  return `// Rendered from prisma/models.prisma by prisma/render-schemas.ts. Do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${folder}"
  moduleFormat = "cjs"
}

datasource db {
  provider = "${provider}"
}

${models}`;
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
