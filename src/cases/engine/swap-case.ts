import type { Tx } from '../../db/client';
import type { CaseRow } from '../case-kind';
import { caseAssignments, caseColumns } from '../case-sql';

/**
 * Compare-and-swap of a case row on its version, returning the row as it now is (UPDATE …
 * RETURNING, one statement), or undefined when someone changed the case since `row` was read.
 * The change time is the real clock's, as Prisma's @updatedAt would set it.
 */
export async function swapCase(tx: Tx, row: Pick<CaseRow, 'id' | 'version'>, columns: Record<string, unknown>): Promise<CaseRow | undefined> {
  const [updated] = await tx.$queryRaw<CaseRow[]>`
    UPDATE "Case" SET ${caseAssignments({ ...columns, updatedAt: new Date() })}, "version" = "version" + 1
    WHERE "id" = ${row.id} AND "version" = ${row.version}
    RETURNING ${caseColumns}`;
  return updated;
}
