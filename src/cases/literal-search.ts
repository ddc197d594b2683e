import type { Db } from '../db/client';

/** LIKE's own characters; a search for "100%" or "Jugend_treff" means exactly those characters. */
const LIKE_SPECIAL = /[%_\\]/;

export function needsLiteralLike(q: string): boolean {
  return LIKE_SPECIAL.test(q);
}

/**
 * Ids of the cases of one kind whose title contains `q`, or whose reference contains it in
 * capitals, with %, _ and \ taken literally. Prisma's `contains` passes them to LIKE as
 * wildcards (a search for "%" listed every case), and offers no escape: so this one query
 * escapes them itself, parameterised, with the same LIKE that `contains` uses on each database
 * (case-insensitive for ASCII on SQLite, case-sensitive on PostgreSQL).
 */
export async function idsContainingLiterally(db: Db, kind: string, q: string): Promise<string[]> {
  const escape = (s: string) => `%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Case"
    WHERE "kind" = ${kind}
      AND ("title" LIKE ${escape(q)} ESCAPE '\\' OR "reference" LIKE ${escape(q.toUpperCase())} ESCAPE '\\')`;
  return rows.map((r) => r.id);
}
