import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Actor } from '../auth/policy';
import type { Tx } from '../db/client';
import type { CaseRow } from './case-kind';

/** Columns the review phase changes, the same for every kind; a kind adds its decision's columns. */
export function reviewColumns(type: string, payload: Record<string, unknown>, ctx: { actor: Actor; now: Date; row: CaseRow }) {
  switch (type) {
    case 'SUBMIT':
      return { submittedAt: ctx.row.submittedAt ?? ctx.now, dueDate: null };
    case 'START_REVIEW':
      return { reviewerId: ctx.actor.id };
    case 'REQUEST_CHANGES':
      return { dueDate: payload.dueDate as string };
    case 'RESUBMIT':
    case 'WITHDRAW':
      return { dueDate: null };
    default:
      return {};
  }
}

/**
 * What every submission needs: an approved organisation (403 otherwise), and the kinds of the
 * attachments present, for the kind's completeness rules.
 */
export async function submissionPrerequisites(tx: Tx, row: CaseRow): Promise<string[]> {
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: row.organisationId } });
  if (organisation.status !== 'approved') throw new AppError('forbidden', t('cases.organisationNotApproved'));
  const kinds = await tx.attachment.findMany({ where: { caseId: row.id }, select: { kind: true }, distinct: ['kind'] });
  return kinds.map((k) => k.kind);
}
