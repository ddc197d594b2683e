import { Prisma } from '../generated/sqlite/client';
import type { Db, Tx } from '../db/client';

export interface CountKey {
  kind: string;
  state: string;
  submitted: boolean;
  reviewerId: string | null;
}

/** Where a case row is counted. */
export function countKeyOf(row: { kind: string; state: string; submittedAt: Date | null; reviewerId: string | null }): CountKey {
  return { kind: row.kind, state: row.state, submitted: row.submittedAt !== null, reviewerId: row.reviewerId };
}

const sameKey = (a: CountKey, b: CountKey) => a.kind === b.kind && a.state === b.state && a.submitted === b.submitted && a.reviewerId === b.reviewerId;

/** The key column cannot be null: "" stands for no reviewer. */
const reviewerColumn = (reviewerId: string | null) => reviewerId ?? '';

/**
 * Moves one case from one count to another (or into its first) in the transaction that changes
 * it, so that the counts are exactly the rows. Counting rows instead takes time that grows with
 * the table; at a million cases a list would wait for its total.
 */
export async function moveCaseCount(tx: Tx, from: CountKey | null, to: CountKey): Promise<void> {
  if (from && sameKey(from, to)) return;
  // One statement for both counts (the same SQL on SQLite and PostgreSQL): every transition
  // runs it, and each statement through Prisma costs more CPU than SQLite takes to run it.
  const row = (key: CountKey, change: number) => Prisma.sql`(${key.kind}, ${key.state}, ${key.submitted}, ${reviewerColumn(key.reviewerId)}, ${change})`;
  const rows = [...(from ? [row(from, -1)] : []), row(to, 1)];
  await tx.$executeRaw`
    INSERT INTO "CaseCount" ("kind", "state", "submitted", "reviewerId", "count") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("kind", "state", "submitted", "reviewerId") DO UPDATE SET "count" = "CaseCount"."count" + excluded."count"`;
}

export interface KeptCount {
  state: string;
  submitted: boolean;
  reviewerId: string;
  count: number;
}

/** The kept counts of one kind, one per state, reviewer and whether submitted: a few dozen rows. */
export async function keptCounts(db: Db, kind: string): Promise<KeptCount[]> {
  return db.caseCount.findMany({ where: { kind }, select: { state: true, submitted: true, reviewerId: true, count: true } });
}

/** What the kept counts can tell apart: states ([] for all) and, optionally, one reviewer. */
export interface CountedFilter {
  states: string[];
  reviewerId?: string;
}

/**
 * Submitted cases (what staff see) in the filter's states (all when none) and of its reviewer,
 * if any.
 */
export function countIn(kept: KeptCount[], filter: CountedFilter): number {
  const { states, reviewerId } = filter;
  const counted = (c: KeptCount) =>
    c.submitted && (states.length === 0 || states.includes(c.state)) && (reviewerId === undefined || c.reviewerId === reviewerId);
  return kept.reduce((sum, c) => (counted(c) ? sum + c.count : sum), 0);
}

/** Cases of `kind` as `countIn` counts them. */
export async function countedCases(db: Db, kind: string, filter: CountedFilter): Promise<number> {
  return countIn(await keptCounts(db, kind), filter);
}

/** A list filter as the kept counts see it, or undefined when it filters on more than they tell apart. */
export function countedFilterOf(where: Record<string, unknown>): CountedFilter | undefined {
  const { state, reviewerId, ...rest } = where;
  if (Object.keys(rest).length > 0) return undefined;
  if (reviewerId !== undefined && typeof reviewerId !== 'string') return undefined;
  const states = state === undefined ? [] : typeof state === 'string' ? [state] : (state as { in?: unknown } | null)?.in;
  if (!Array.isArray(states) || !states.every((s) => typeof s === 'string')) return undefined;
  return reviewerId === undefined ? { states } : { states, reviewerId };
}

/**
 * Rebuilds the counts from the rows, after cases were written around the use cases (a restore,
 * a bulk load). Call it inside the transaction that wrote them.
 */
export async function recountCases(tx: Tx): Promise<void> {
  // Writing first takes SQLite's write lock before the counting reads. Read first, the
  // transaction would hold a snapshot, and a commit by anyone else meanwhile (the outbox,
  // a transition) would make its first write fail at once with SQLITE_BUSY_SNAPSHOT.
  await tx.caseCount.deleteMany({});
  const rows: (Omit<CountKey, 'reviewerId'> & { reviewerId: string; count: number })[] = [];
  for (const submitted of [true, false]) {
    const groups = await tx.case.groupBy({ by: ['kind', 'state', 'reviewerId'], where: { submittedAt: submitted ? { not: null } : null }, _count: { _all: true } });
    for (const g of groups) rows.push({ kind: g.kind, state: g.state, submitted, reviewerId: reviewerColumn(g.reviewerId), count: g._count._all });
  }
  await tx.caseCount.createMany({ data: rows });
}
