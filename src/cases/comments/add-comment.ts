import { z } from 'zod';
import { AppError } from '../../http/errors';
import { text } from '../../http/fields';
import { parse } from '../../http/validate';
import { t } from '../../i18n/t';
import { recordAudit } from '../../db/audit';
import type { UseCaseContext } from '../../accounts/context';
import type { Actor } from '../../auth/policy';
import { loadVisibleCase } from '../engine/load-case';

export const commentInput = z
  .object({ body: text(10_000), visibility: z.enum(['internal', 'shared']).default('shared') })
  .meta({ id: 'CommentInput' });

/**
 * Comments on a case. Staff choose whether the provider sees one; the provider's own comments
 * are always shared, and it can neither write nor read internal ones.
 */
export async function addComment(options: UseCaseContext & { actor: Actor; kind: string; caseId: string; body: unknown }) {
  const { db, clock, actor, kind, caseId } = options;
  const row = await loadVisibleCase(db, actor, kind, caseId);
  const input = parse(commentInput, options.body ?? {});
  if (actor.role === 'admin') throw new AppError('forbidden', t('errors.403.detail'));
  if (actor.role === 'applicant' && input.visibility !== 'shared') {
    throw new AppError('forbidden', t('comments.internalForbidden'));
  }
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { caseId: row.id, authorId: actor.id, body: input.body, visibility: input.visibility, createdAt: now },
      include: { author: { select: { name: true, role: true } } },
    });
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'COMMENT', payload: { commentId: comment.id, visibility: comment.visibility } },
      now,
    );
    return comment;
  });
}
