import type { Db } from '../db/client';
import type { FileStorageKind } from './storage';

/**
 * Attachments whose bytes are, by the StoredFile table, not where the configured storage looks:
 * missing from the table when files are kept in the database, present in it when they are kept
 * in the folder. Non-zero after FILE_STORAGE changed (or its default did, by moving to
 * PostgreSQL) without `migrate-files`; the server warns at start. Cheap: one indexed query, no
 * walk through the folder.
 */
export async function countMisplacedFiles(db: Db, kind: FileStorageKind): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT COUNT(*) AS n FROM "Attachment" a WHERE ${kind === 'database' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM "StoredFile" f WHERE f."key" = a."storageKey")`,
  );
  return Number(rows[0]?.n ?? 0);
}
