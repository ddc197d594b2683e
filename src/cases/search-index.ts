import type { Db } from '../db/client';
import { containsPattern } from './literal-search';

/**
 * The trigram index of the cases' titles and references on SQLite: an FTS5 table "CaseSearch"
 * over "Case" (external content, same rowid), kept by triggers (migration case_search_index).
 * A search otherwise compares the text with every case of the kind, which at 100,000 cases
 * costs more than a list may take.
 */

/** Trigrams: a shorter text has none, and FTS5 finds nothing for it. */
export const SHORTEST_INDEXED = 3;
/** More matches than this and the index saves little: the caller filters the list with LIKE. */
export const MOST_INDEXED_MATCHES = 1000;

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Ids of the cases of `kind` whose title contains `q` or whose reference contains it in
 * capitals, exactly as LIKE decides (ASCII without case, %, _ and \ literally): the trigram
 * match only narrows the rows, LIKE decides each. Undefined when the index cannot answer: the
 * text is too short, or more than MOST_INDEXED_MATCHES cases match.
 */
export async function idsFromSearchIndex(db: Db, kind: string, q: string): Promise<string[] | undefined> {
  if ([...q].length < SHORTEST_INDEXED) return undefined;
  const upper = q.toUpperCase();
  // CROSS JOIN keeps SQLite's planner from scanning "Case" and probing the index per row.
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c."id" FROM "CaseSearch" s CROSS JOIN "Case" c ON c.rowid = s.rowid
     WHERE "CaseSearch" MATCH ? AND c."kind" = ?
       AND (c."title" LIKE ? ESCAPE '\\' OR c."reference" LIKE ? ESCAPE '\\')
     LIMIT ${MOST_INDEXED_MATCHES + 1}`,
    `title : ${phrase(q)} OR reference : ${phrase(upper)}`,
    kind,
    containsPattern(q),
    containsPattern(upper),
  );
  return rows.length > MOST_INDEXED_MATCHES ? undefined : rows.map((r) => r.id);
}
