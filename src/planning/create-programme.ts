import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { invalidField } from '../cases/event-checks';
import type { ProgrammeInput } from './schemas';

/** An administrator adds a funding programme; its code is its id and never changes. */
export async function createProgramme(options: ActorContext & { input: ProgrammeInput }) {
  const { db, clock, actor, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const taken = await tx.programme.findFirst({ where: { OR: [{ id: input.id }, { name: input.name }] } });
    if (taken) throw invalidField('id', t('planning.programmeExists'));
    const programme = await tx.programme.create({ data: { id: input.id, name: input.name, committeeStep: input.committeeStep ?? false } });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'programme', subjectId: programme.id, action: 'create', payload: { ...input } }, now);
    return programme;
  });
}
