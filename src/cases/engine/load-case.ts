import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import type { Actor } from '../../auth/policy';
import type { Db, Tx } from '../../db/client';
import { Prisma } from '../../generated/sqlite/client';
import type { CaseRow } from '../case-kind';
import { caseColumns } from '../case-sql';

/**
 * The visibility rule for every case: applicants see their organisation's cases, staff see
 * every case once it has been submitted (a draft is the provider's own until then). Lists
 * filter through Prisma and single cases through raw SQL; both are written from this one
 * decision so they cannot drift apart.
 */
type Visibility = { organisationId: string } | { submittedOnly: true };

function visibilityOf(actor: Actor): Visibility {
  // An applicant without an organisation matches no case ('-' is never an id).
  return actor.role === 'applicant' ? { organisationId: actor.organisationId ?? '-' } : { submittedOnly: true };
}

/** The rule as a Prisma filter, for lists. */
export function visibleCasesWhere(actor: Actor, kind: string) {
  const visibility = visibilityOf(actor);
  return 'organisationId' in visibility ? { kind, organisationId: visibility.organisationId } : { kind, submittedAt: { not: null } };
}

/** The rule as an SQL condition on the case row. */
function visibleCaseSql(actor: Actor): Prisma.Sql {
  const visibility = visibilityOf(actor);
  return 'organisationId' in visibility ? Prisma.sql`"organisationId" = ${visibility.organisationId}` : Prisma.sql`"submittedAt" IS NOT NULL`;
}

/**
 * The case `id` if the caller may see it, or 404: a case the caller may not see is reported as
 * not found, so nobody learns it exists.
 */
export async function loadVisibleCase(db: Db | Tx, actor: Actor, kind: string, id: string): Promise<CaseRow> {
  const [row] = await db.$queryRaw<CaseRow[]>`SELECT ${caseColumns} FROM "Case" WHERE "id" = ${id} AND "kind" = ${kind} AND ${visibleCaseSql(actor)}`;
  if (!row) throw new AppError('not_found', t('errors.404.detail'));
  return row;
}
