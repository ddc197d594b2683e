/**
 * The backup file: gzip-compressed JSON lines. The first line names the format, then one line
 * per row (`{"t": table, "r": row}`) and per uploaded file (`{"f": storageKey, "b": base64}`),
 * and a last line with the counts, so a truncated file is recognised instead of half restored.
 * Dates and bytes are tagged, so the file restores into SQLite and PostgreSQL alike.
 */

export const BACKUP_FORMAT = 'foerderportal-soziales-backup';
export const BACKUP_VERSION = 1;

/**
 * Every table, parents before children (the order rows are inserted), with its primary key; but
 * the case counts, which a restore rebuilds from the cases (case-counts.ts).
 */
export const BACKUP_TABLES = [
  { model: 'organisation', key: 'id' },
  { model: 'user', key: 'id' },
  { model: 'session', key: 'sid' },
  { model: 'apiToken', key: 'id' },
  { model: 'invitation', key: 'id' },
  { model: 'rateLimiterFlexible', key: 'key' },
  { model: 'auditEvent', key: 'id' },
  { model: 'district', key: 'id' },
  { model: 'districtIndicator', key: 'id' },
  { model: 'fieldOfAction', key: 'id' },
  { model: 'programme', key: 'id' },
  { model: 'fundingRound', key: 'id' },
  { model: 'committeeResolution', key: 'id' },
  { model: 'case', key: 'id' },
  { model: 'committeeOutcome', key: 'id' },
  { model: 'counter', key: 'key' },
  { model: 'attachment', key: 'id' },
  { model: 'comment', key: 'id' },
  { model: 'notice', key: 'id' },
  { model: 'outboxJob', key: 'id' },
  { model: 'authorityProfile', key: 'id' },
  { model: 'authorityProfileRevision', key: 'id' },
  { model: 'mapLayer', key: 'id' },
] as const;

export type BackupModel = (typeof BACKUP_TABLES)[number]['model'];

/** Tables the portal fills by itself on start; rows there do not make a database "in use". */
export const SEEDED_TABLES: readonly BackupModel[] = ['district', 'fieldOfAction', 'programme', 'authorityProfile'];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  provider: string;
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
  files: number;
}

export function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { $date?: unknown; $bytes?: unknown };
    if (typeof v.$date === 'string') return new Date(v.$date);
    if (typeof v.$bytes === 'string') return Buffer.from(v.$bytes, 'base64');
  }
  return value;
}

export const encodeRow = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)]));
export const decodeRow = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decodeValue(v)]));
