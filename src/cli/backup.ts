import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import type { Db } from '../db/client';
import type { FileStorage } from '../documents/storage';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, encodeRow, type BackupHeader, type BackupTrailer } from './backup-format';

const PAGE = 200;

type Pager = { findMany(args: unknown): Promise<Record<string, unknown>[]> };

async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

/**
 * Writes every table and every uploaded file to `file` (see backup-format.ts), the files from
 * whichever storage holds them (folder or database), so a backup restores into either. Rows are read in
 * pages by primary key, so memory stays small; the file appears under its name only when
 * complete. Run it while the portal is quiet: rows written during a backup may be missed.
 */
export async function backupDatabase(options: { db: Db; provider: string; storage: FileStorage; file: string; now: Date }): Promise<BackupTrailer> {
  const { db, storage, file } = options;
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const sink = createWriteStream(partial);
  gzip.pipe(sink);
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: options.now.toISOString(), provider: options.provider };
  await writeLine(gzip, header);
  const rows: Record<string, number> = {};
  let files = 0;
  for (const { model, key } of BACKUP_TABLES) {
    const table = (db as unknown as Record<string, Pager>)[model]!;
    rows[model] = 0;
    let cursor: string | undefined;
    for (;;) {
      const page = await table.findMany({ orderBy: { [key]: 'asc' }, take: PAGE, ...(cursor ? { where: { [key]: { gt: cursor } } } : {}) });
      for (const row of page) {
        await writeLine(gzip, { t: model, r: encodeRow(row) });
        rows[model] += 1;
        if (model === 'attachment') {
          // The bytes travel with their row, so a restore never lacks a file a row names.
          await writeLine(gzip, { f: row.storageKey, b: (await storage.get(String(row.storageKey))).toString('base64') });
          files += 1;
        }
      }
      if (page.length < PAGE) break;
      cursor = String(page[page.length - 1]![key]);
    }
  }
  const trailer: BackupTrailer = { end: true, rows, files };
  await writeLine(gzip, trailer);
  gzip.end();
  await once(sink, 'close');
  await rename(partial, file);
  return trailer;
}
