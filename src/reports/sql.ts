import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';

/**
 * The two report queries whose grouping needs SQL that differs per database: the hour a moment
 * falls in, and the whole hours between two moments. Parameters are bound, never spliced.
 */
export async function reportQuery<R>(db: Db, provider: DatabaseProvider, sql: (p: Dialect) => string, params: unknown[]): Promise<R[]> {
  const dialect = provider === 'postgresql' ? postgres : sqlite;
  return db.$queryRawUnsafe<R[]>(sql(dialect), ...params);
}

export interface Dialect {
  /** "$1" or "?": the n-th (1-based) bound parameter. */
  param(n: number): string;
  /** "2026-11-30 23" for a timestamp column, in UTC. */
  hourOf(column: string): string;
  /** Whole hours from one timestamp column to another. */
  hoursBetween(from: string, to: string): string;
}

const sqlite: Dialect = {
  param: () => '?',
  hourOf: (c) => `strftime('%Y-%m-%d %H', ${c})`,
  hoursBetween: (a, b) => `CAST((julianday(${b}) - julianday(${a})) * 24 AS INTEGER)`,
};

const postgres: Dialect = {
  param: (n) => `$${n}`,
  hourOf: (c) => `to_char(${c}, 'YYYY-MM-DD HH24')`,
  hoursBetween: (a, b) => `CAST(FLOOR(EXTRACT(EPOCH FROM (${b} - ${a})) / 3600) AS INTEGER)`,
};

/** "(?, ?, ?)" or "($2, $3, $4)" for a list of bound values starting at parameter `first`. */
export function inList(d: Dialect, first: number, count: number): string {
  return `(${Array.from({ length: count }, (_, i) => d.param(first + i)).join(', ')})`;
}
