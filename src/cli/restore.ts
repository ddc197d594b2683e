import { recountCases } from '../cases/case-counts';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Db, Tx } from '../db/client';
import type { FileStorage } from '../documents/storage';
import { BACKUP_FORMAT, BACKUP_TABLES, SEEDED_TABLES, decodeRow, type BackupHeader, type BackupModel, type BackupTrailer } from './backup-format';

const BATCH = 200;

type Table = {
  count(): Promise<number>;
  deleteMany(): Promise<unknown>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
};
const tableOf = (db: Db | Tx, model: BackupModel) => (db as unknown as Record<string, Table>)[model]!;

export class RestoreRefused extends Error {}

/** Whether the database holds anything beyond what the portal seeds by itself. */
export async function holdsData(db: Db): Promise<boolean> {
  for (const { model } of BACKUP_TABLES) {
    if (SEEDED_TABLES.includes(model)) continue;
    if ((await tableOf(db, model).count()) > 0) return true;
  }
  return false;
}

/**
 * Replaces the whole database with the backup in `file`, in one transaction: a broken or
 * truncated file changes nothing. A database in use is refused unless `force` is set, so a
 * mistyped DATABASE_URL cannot wipe a live portal. Files go into the target's storage: in the
 * database they are part of the transaction; in a folder they are written first and removed
 * again if the rows are refused.
 */
export async function restoreDatabase(options: { db: Db; storage: FileStorage; file: string; force: boolean }): Promise<BackupTrailer> {
  const { db, storage } = options;
  if (!options.force && (await holdsData(db))) {
    throw new RestoreRefused('Die Zieldatenbank enthält bereits Daten. Mit --force wird sie vollständig ersetzt.');
  }
  const written: string[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        for (const { model } of [...BACKUP_TABLES].reverse()) await tableOf(tx, model).deleteMany();
        // Files kept in the database are part of what is replaced; the backup brings its own.
        await tx.storedFile.deleteMany();
        const lines = createInterface({ input: createReadStream(options.file).pipe(createGunzip()), crlfDelay: Infinity });
        let header: BackupHeader | undefined;
        let trailer: BackupTrailer | undefined;
        let batchModel: BackupModel | undefined;
        let batch: Record<string, unknown>[] = [];
        const counts: Record<string, number> = {};
        let files = 0;
        const flush = async () => {
          if (batchModel && batch.length > 0) await tableOf(tx, batchModel).createMany({ data: batch });
          batch = [];
        };
        for await (const line of lines) {
          if (!line) continue;
          const entry = JSON.parse(line) as Record<string, unknown>;
          if (!header) {
            header = entry as unknown as BackupHeader;
            if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new RestoreRefused('Die Datei ist keine Sicherung des Förderportals in bekanntem Format.');
            continue;
          }
          if (trailer) throw new RestoreRefused('Die Sicherung hat Inhalt nach ihrem Ende.');
          if (entry.end === true) {
            trailer = entry as unknown as BackupTrailer;
          } else if (typeof entry.f === 'string' && typeof entry.b === 'string') {
            const existed = await storage.has(entry.f, tx);
            await storage.putAt(entry.f, Buffer.from(entry.b, 'base64'), tx);
            // Only files this restore created are removed if it fails; the target's own stay.
            if (!existed) written.push(entry.f);
            files += 1;
          } else if (typeof entry.t === 'string' && BACKUP_TABLES.some((x) => x.model === entry.t)) {
            const model = entry.t as BackupModel;
            if (model !== batchModel || batch.length >= BATCH) await flush();
            batchModel = model;
            batch.push(decodeRow(entry.r as Record<string, unknown>));
            counts[model] = (counts[model] ?? 0) + 1;
          } else {
            throw new RestoreRefused(`Unbekannte Zeile in der Sicherung: ${line.slice(0, 80)}`);
          }
        }
        await flush();
        // Without its last line the file was cut short: restoring part of it would lose data quietly.
        if (!trailer) throw new RestoreRefused('Die Sicherung ist unvollständig (kein Abschluss).');
        for (const { model } of BACKUP_TABLES) {
          if ((counts[model] ?? 0) !== (trailer.rows[model] ?? 0)) throw new RestoreRefused(`Die Sicherung ist unvollständig (${model}).`);
        }
        if (files !== trailer.files) throw new RestoreRefused('Der Sicherung fehlen Dateien.');
        // The case counts are derived from the cases, so they are rebuilt rather than backed up.
        await recountCases(tx);
        return trailer;
      },
      { timeout: 60 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    await Promise.all(written.map((key) => storage.remove(key)));
    throw error;
  }
}
