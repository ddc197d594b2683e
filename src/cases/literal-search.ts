import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';

/** LIKE's own characters; a search for "100%" or "Jugend_treff" means exactly those characters. */
const LIKE_SPECIAL = /[%_\\]/;

export function needsLiteralLike(q: string): boolean {
  return LIKE_SPECIAL.test(q);
}

/** A LIKE pattern (with ESCAPE '\\') for "contains `text`", its %, _ and \\ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * Ids of the cases of one kind whose title contains `q`, or whose reference contains it in
 * capitals, with %, _ and \ taken literally. Prisma's `contains` passes them to LIKE as
 * wildcards (a search for "%" listed every case), and offers no escape: so this one query
 * escapes them itself, parameterised, with the same LIKE that `contains` uses on each database
 * (case-insensitive for ASCII on SQLite; ILIKE on PostgreSQL, so that it minds no case either).
 */
export async function idsContainingLiterally(db: Db, provider: DatabaseProvider, kind: string, q: string): Promise<string[]> {
  return containing(db, provider, kind, q);
}

/**
 * The same ids when there are at most `most` of them, else undefined. On PostgreSQL the trigram
 * indexes answer this query; a list then reads its page and its count by these ids instead of
 * asking the indexes twice, once for each.
 */
export async function fewIdsContainingLiterally(db: Db, provider: DatabaseProvider, kind: string, q: string, most: number): Promise<string[] | undefined> {
  const ids = await containing(db, provider, kind, q, most + 1);
  return ids.length > most ? undefined : ids;
}

async function containing(db: Db, provider: DatabaseProvider, kind: string, q: string, limit?: number): Promise<string[]> {
  const [like, p] = provider === 'postgresql' ? ['ILIKE', (n: number) => `$${n}`] : ['LIKE', () => '?'];
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "Case" WHERE "kind" = ${p(1)} AND ("title" ${like} ${p(2)} ESCAPE '\\' OR "reference" ${like} ${p(3)} ESCAPE '\\')${limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`}`,
    kind,
    containsPattern(q),
    containsPattern(q.toUpperCase()),
  );
  return rows.map((r) => r.id);
}
