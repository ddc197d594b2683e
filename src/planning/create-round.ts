import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { can } from '../auth/policy';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { invalidField } from '../cases/event-checks';
import type { RoundInput } from './schemas';

/**
 * An administrator opens a funding round of a programme: one per programme and year. The
 * contract's optional `committee` names the programme's committee step (one switch for all its
 * rounds, so a round cannot differ); a value that contradicts it is refused rather than ignored.
 */
export async function createRound(options: ActorContext & { input: RoundInput }) {
  const { db, clock, actor, input } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.findUnique({ where: { id: input.programme } });
    if (!programme) throw invalidField('programme', t('planning.unknownProgramme'));
    if (input.committee !== undefined && input.committee !== programme.committeeStep) {
      throw invalidField('committee', t('planning.committeeIsProgramme', { programme: programme.id }));
    }
    if (await tx.fundingRound.findUnique({ where: { programmeId_year: { programmeId: programme.id, year: input.year } } })) {
      throw invalidField('year', t('planning.roundExists', { year: input.year }));
    }
    const round = await tx.fundingRound.create({
      data: { programmeId: programme.id, year: input.year, deadline: input.deadline, budgetCents: input.budget, latePolicy: input.latePolicy },
    });
    await recordAudit(tx, { actorId: actor.id, subjectType: 'round', subjectId: round.id, action: 'create', payload: { ...input } }, now);
    return round;
  });
}
