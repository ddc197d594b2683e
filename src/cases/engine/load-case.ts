import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import type { Actor } from '../../auth/policy';
import type { Db, Tx } from '../../db/client';

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

export async function loadVisibleCase(db: Db | Tx, actor: Actor, kind: string, id: string) {
  const row = await db.case.findFirst({ where: { id, ...visibleCasesWhere(actor, kind) } });
  if (!row) throw new AppError('not_found', t('errors.404.detail'));
  return row;
}
