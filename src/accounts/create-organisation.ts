import { AppError } from '../http/errors';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import type { ActorContext } from './context';
import type { OrganisationInput } from './schemas';

/** Staff create an organisation directly; it needs no further approval. */
export async function createOrganisation(options: ActorContext & { input: OrganisationInput }) {
  const { db, clock, actor, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', 'Only administrators create organisations');
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: { ...input, status: 'approved', approvedAt: now, approvedById: actor.id },
    });
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'organisation', subjectId: organisation.id, action: 'create', toState: 'approved' },
      now,
    );
    return organisation;
  });
}
