import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { invalidField } from '../cases/event-checks';
import type { ProgrammePatch } from './schemas';

/**
 * An administrator renames a programme or switches its committee step. Switching it on holds
 * back every grant of its rounds not yet covered by a resolution; switching it off releases them.
 */
export async function updateProgramme(options: ActorContext & { programmeId: string; input: ProgrammePatch }) {
  const { db, clock, actor, programmeId, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.findUnique({ where: { id: programmeId } });
    if (!programme) throw new AppError('not_found', t('errors.404.detail'));
    if (input.name && (await tx.programme.findFirst({ where: { name: input.name, id: { not: programmeId } } }))) {
      throw invalidField('name', t('planning.programmeExists'));
    }
    const updated = await tx.programme.update({ where: { id: programmeId }, data: input });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'programme', subjectId: programmeId, action: 'update', payload: { ...input } }, now);
    return updated;
  });
}
