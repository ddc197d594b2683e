import { z } from 'zod';
import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';
import { visibleCasesWhere } from './engine/load-case';
import { countedCases, countedFilterOf } from './case-counts';
import { fewIdsContainingLiterally, idsContainingLiterally, needsLiteralLike } from './literal-search';
import { idsFromSearchIndex, MOST_INDEXED_MATCHES } from './search-index';

export const listQuery = z.object({
  state: z.string().max(40).regex(/^[a-z_,]*$/).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.output<typeof listQuery>;

export interface ListOptions {
  db: Db;
  /** PostgreSQL's LIKE minds case, SQLite's does not (for ASCII): the search asks for no case on both. */
  provider: DatabaseProvider;
  actor: Actor;
  kind: string;
  query: ListQuery;
  extraWhere?: Record<string, unknown>;
  orderBy?: Record<string, 'asc' | 'desc'>[];
}

/** The filter of a list: what the caller may see, narrowed by state, search and the page's group. */
export async function listWhere(options: Omit<ListOptions, 'orderBy'>): Promise<Record<string, unknown>> {
  const { db, actor, kind, query } = options;
  const states = query.state ? query.state.split(',').filter(Boolean) : [];
  return {
    ...visibleCasesWhere(actor, kind),
    ...(states.length ? { state: { in: states } } : {}),
    ...(query.q ? await searchWhere(db, options.provider, kind, query.q) : {}),
    ...options.extraWhere,
  };
}

/**
 * Title or reference contains `q`. The trigram indexes (SQLite's trigram table, PostgreSQL's
 * pg_trgm indexes) name the few matching cases; only a short or common text is compared with
 * every case.
 */
async function searchWhere(db: Db, provider: DatabaseProvider, kind: string, q: string): Promise<Record<string, unknown>> {
  const indexed =
    provider === 'sqlite' ? await idsFromSearchIndex(db, kind, q) : await fewIdsContainingLiterally(db, provider, kind, q, MOST_INDEXED_MATCHES);
  if (indexed) return { id: { in: indexed } };
  if (needsLiteralLike(q)) return { id: { in: await idsContainingLiterally(db, provider, kind, q) } };
  // `mode` exists on PostgreSQL only; the client is typed as SQLite's, which lacks it.
  const anyCase = (provider === 'postgresql' ? { mode: 'insensitive' } : {}) as Record<string, never>;
  return { OR: [{ title: { contains: q, ...anyCase } }, { reference: { contains: q.toUpperCase(), ...anyCase } }] };
}

/** A page of the cases the caller may see, newest change first; `state` may list several. */
export async function listCases(options: ListOptions) {
  const { db, actor, kind, query } = options;
  const states = query.state ? query.state.split(',').filter(Boolean) : [];
  const where = await listWhere(options);
  // Staff lists filtered by state (and reviewer) alone take their total from the kept counts
  // (case-counts.ts); a search, a provider's own cases or a finer filter count their rows.
  const extra = countedFilterOf(options.extraWhere ?? {});
  const byCounts = actor.role !== 'applicant' && !query.q && extra !== undefined;
  // The extra filter's state, if any, replaces the query's (it is spread last into `where`).
  const counted = { ...extra, states: extra?.states.length ? extra.states : states };
  const [items, total] = await Promise.all([
    db.case.findMany({
      where,
      include: { organisation: { select: { id: true, name: true } } },
      orderBy: [...(options.orderBy ?? [{ updatedAt: 'desc' }]), { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    byCounts ? countedCases(db, kind, counted) : db.case.count({ where }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
