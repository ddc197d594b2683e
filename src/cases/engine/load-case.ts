import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import type { Actor } from '../../auth/policy';
import type { Db, Tx } from '../../db/client';
import { Prisma } from '../../generated/sqlite/client';
import type { CaseRow } from '../case-kind';
import { caseColumns } from '../case-sql';

/**
 * The visibility rule for every case: applicants see their organisation's cases, staff see
 * every case once it has been submitted (a draft is the provider's own until then).
 * A case the caller may not see is reported as not found, so nobody learns it exists.
 */
export function visibleCasesWhere(actor: Actor, kind: string) {
  return actor.role === 'applicant'
    ? { kind, organisationId: actor.organisationId ?? '-' }
    : { kind, submittedAt: { not: null } };
}

/** The case `id` if the caller may see it (the rule above, in SQL), or 404. */
export async function loadVisibleCase(db: Db | Tx, actor: Actor, kind: string, id: string): Promise<CaseRow> {
  const visible = actor.role === 'applicant' ? Prisma.sql`"organisationId" = ${actor.organisationId ?? '-'}` : Prisma.sql`"submittedAt" IS NOT NULL`;
  const [row] = await db.$queryRaw<CaseRow[]>`SELECT ${caseColumns} FROM "Case" WHERE "id" = ${id} AND "kind" = ${kind} AND ${visible}`;
  if (!row) throw new AppError('not_found', t('errors.404.detail'));
  return row;
}
