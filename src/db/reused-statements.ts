import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';

/** Enough for every query the portal makes; lists of ids of varying length make the rest. */
const STATEMENTS_KEPT = 500;

/**
 * The SQLite adapter for Prisma with compiled statements kept and reused. Prisma's adapter
 * (7.10) calls better-sqlite3's `prepare` for every query, and compiling the SQL took about a
 * tenth of the server's CPU under load. A compiled statement can be bound only once, so the
 * statement handed to the adapter passes its arguments to each call instead; the adapter uses
 * `bind(args)` and then `reader`, `run()`, `columns()` and `raw().all()`, nothing else.
 */
export class ReusingSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    reuseStatements((adapter as unknown as { client: Database }).client);
    return adapter;
  }
}

/** Makes `database.prepare` return cached statements, compiled once per SQL text. */
export function reuseStatements(database: Database, kept = STATEMENTS_KEPT): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Reusable>();
  database.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last, so the least used is the first to go.
      cache.delete(sql);
    } else {
      statement = reusable(prepare<unknown[]>(sql));
      if (cache.size >= kept) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  }) as unknown as Database['prepare'];
}

type Reusable = ReturnType<typeof reusable>;

function reusable(statement: Statement<unknown[]>) {
  // A compiled statement's columns are fixed; better-sqlite3 builds the list anew on each call.
  let columns: ReturnType<Statement['columns']> | undefined;
  const withArguments = (args: unknown[]) => ({
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => (columns ??= statement.columns()),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  });
  return { ...withArguments([]), bind: (args: unknown[]) => withArguments(args) };
}
