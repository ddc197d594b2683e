import { Prisma } from '../generated/sqlite/client';
import type { Db, Tx } from '../db/client';

export interface CountKey {
  kind: string;
  state: string;
  submitted: boolean;
}

/**
 * Moves one case from one count to another (or into its first) in the transaction that changes
 * it, so that the counts are exactly the rows. Counting rows instead takes time that grows with
 * the table; at a million cases a list would wait for its total.
 */
export async function moveCaseCount(tx: Tx, from: CountKey | null, to: CountKey): Promise<void> {
  if (from && from.kind === to.kind && from.state === to.state && from.submitted === to.submitted) return;
  // One statement for both counts (the same SQL on SQLite and PostgreSQL): every transition
  // runs it, and each statement through Prisma costs more CPU than SQLite takes to run it.
  const rows = [...(from ? [Prisma.sql`(${from.kind}, ${from.state}, ${from.submitted}, -1)`] : []), Prisma.sql`(${to.kind}, ${to.state}, ${to.submitted}, 1)`];
  await tx.$executeRaw`
    INSERT INTO "CaseCount" ("kind", "state", "submitted", "count") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("kind", "state", "submitted") DO UPDATE SET "count" = "CaseCount"."count" + excluded."count"`;
}

/** Cases of `kind` in any of `states` (all states when empty); only submitted ones unless `drafts`. */
export async function countedCases(db: Db, kind: string, states: string[], options: { drafts: boolean }): Promise<number> {
  const result = await db.caseCount.aggregate({
    _sum: { count: true },
    where: { kind, ...(states.length ? { state: { in: states } } : {}), ...(options.drafts ? {} : { submitted: true }) },
  });
  return result._sum.count ?? 0;
}

/** The states a filter restricts to ([] when it has none), or undefined when it filters on more than the state. */
export function statesFilteredBy(where: Record<string, unknown>): string[] | undefined {
  const keys = Object.keys(where);
  if (keys.length === 0) return [];
  if (keys.length !== 1 || keys[0] !== 'state') return undefined;
  const state = where.state;
  if (typeof state === 'string') return [state];
  const list = (state as { in?: unknown }).in;
  return Array.isArray(list) && list.every((s) => typeof s === 'string') ? list : undefined;
}

/**
 * Rebuilds the counts from the rows, after cases were written around the use cases (a restore,
 * a bulk load). Call it inside the transaction that wrote them.
 */
export async function recountCases(tx: Tx): Promise<void> {
  const rows: (CountKey & { count: number })[] = [];
  for (const submitted of [true, false]) {
    const groups = await tx.case.groupBy({ by: ['kind', 'state'], where: { submittedAt: submitted ? { not: null } : null }, _count: { _all: true } });
    for (const g of groups) rows.push({ kind: g.kind, state: g.state, submitted, count: g._count._all });
  }
  await tx.caseCount.deleteMany({});
  await tx.caseCount.createMany({ data: rows });
}
