import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import type { FileStorage } from './storage';

export interface MigrateFilesProgress {
  /** Attachments looked at so far, of `total`. */
  done: number;
  total: number;
  /** Copied to the target and verified now. */
  moved: number;
  /** Verified in the target already (an earlier run, perhaps interrupted). */
  alreadyThere: number;
  /** Storage keys whose bytes neither backend holds. */
  missing: string[];
  /** Storage keys whose bytes in the source do not match the recorded SHA-256: left where they are. */
  corrupt: string[];
}

const PAGE = 100;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function verifiedIn(storage: FileStorage, key: string, sha256: string): Promise<boolean> {
  if (!(await storage.has(key))) return false;
  return sha256Of(await storage.get(key)) === sha256;
}

/**
 * Moves the bytes of every attachment from one storage backend to the other (folder to database
 * or back). Each file is copied, read back and checked against the SHA-256 recorded at upload,
 * and only then removed from the source, so a run that is interrupted anywhere loses nothing and
 * the next run continues where it stopped: a file already verified in the target is not copied
 * again, a half-written copy is replaced. Run it while the portal is stopped, then start the
 * portal with the target's FILE_STORAGE.
 */
export async function migrateFiles(options: {
  db: Db;
  from: FileStorage;
  to: FileStorage;
  onProgress?: (progress: Readonly<MigrateFilesProgress>) => void;
}): Promise<MigrateFilesProgress> {
  const { db, from, to } = options;
  const progress: MigrateFilesProgress = { done: 0, total: await db.attachment.count(), moved: 0, alreadyThere: 0, missing: [], corrupt: [] };
  let cursor: string | undefined;
  for (;;) {
    const page = await db.attachment.findMany({
      select: { id: true, storageKey: true, sha256: true },
      orderBy: { id: 'asc' },
      take: PAGE,
      ...(cursor ? { where: { id: { gt: cursor } } } : {}),
    });
    for (const { storageKey: key, sha256 } of page) {
      if (await verifiedIn(to, key, sha256)) {
        progress.alreadyThere += 1;
        await from.remove(key);
      } else if (!(await from.has(key))) {
        progress.missing.push(key);
      } else {
        const bytes = await from.get(key);
        if (sha256Of(bytes) !== sha256) {
          progress.corrupt.push(key);
        } else {
          await to.putAt(key, bytes);
          if (!(await verifiedIn(to, key, sha256))) throw new Error(`the copy of ${key} in the ${to.kind} storage does not verify`);
          await from.remove(key);
          progress.moved += 1;
        }
      }
      progress.done += 1;
      options.onProgress?.(progress);
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  return progress;
}
