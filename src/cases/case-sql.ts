import { Prisma } from '../generated/sqlite/client';

/**
 * The case row in raw SQL, for the statements every case request or transition makes: through
 * Prisma's query builder each cost about three times the CPU of the same statement as raw SQL
 * through Prisma (a transition's floor went from 2.3 to 1.4 CPU-ms with raw statements), and
 * raw results come back typed as the model's (dates as Date, booleans as boolean) on SQLite and
 * PostgreSQL alike. Quoted names mean the same on both.
 */
const COLUMNS: readonly string[] = Object.values(Prisma.CaseScalarFieldEnum);

/** Every column of the case model, for SELECT and RETURNING. */
export const caseColumns = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(', '));

/**
 * `"column" = value, …` for an UPDATE. Names come from the engine and the case kinds, never from
 * a request, but are checked against the model all the same; undefined values are left out, as
 * Prisma's `data` leaves them.
 */
export function caseAssignments(columns: Record<string, unknown>): Prisma.Sql {
  const set = Object.entries(columns).filter(([, value]) => value !== undefined);
  for (const [name] of set) {
    if (!COLUMNS.includes(name)) throw new Error(`not a case column: ${name}`);
  }
  return Prisma.join(
    set.map(([name, value]) => Prisma.sql`${Prisma.raw(`"${name}"`)} = ${value}`),
    ', ',
  );
}
