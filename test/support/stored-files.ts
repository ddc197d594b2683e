import { basename } from 'node:path';
import type { TestApp } from './app';
import { filesBelow } from './disk';

/** The keys of every file the app's storage holds, in its folder or in its table, sorted. */
export async function storedKeys(t: TestApp): Promise<string[]> {
  if (t.app.services.storage.kind === 'database') {
    return (await t.db.storedFile.findMany({ select: { key: true } })).map((f) => f.key).sort();
  }
  return filesBelow(t.uploadDir).map((f) => basename(f)).sort();
}
