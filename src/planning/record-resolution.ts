import { AppError, type FieldError } from '../http/errors';
import { t } from '../i18n/t';
import { recordAudit } from '../db/audit';
import type { ActorContext } from '../accounts/context';
import { formatEuro } from '../cases/money';
import type { ResolutionInput } from './schemas';

/**
 * A coordinator records the committee's resolution on the round's recommendation list: its
 * number, date and the outcome for each application it decided on. Every listed application
 * must be one the list holds (recommended, awaiting the decision); the resolution and all its
 * outcomes are written together or not at all.
 */
export async function recordResolution(options: ActorContext & { roundId: string; input: ResolutionInput }) {
  const { db, clock, actor, roundId, input } = options;
  if (actor.role !== 'coordinator') throw new AppError('forbidden', t('errors.403.detail'));
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const round = await tx.fundingRound.findUnique({ where: { id: roundId } });
    if (!round) throw new AppError('not_found', t('errors.404.detail'));
    const errors: FieldError[] = [];
    if (input.outcomes.length === 0) errors.push({ path: 'outcomes', message: t('planning.resolutionEmpty') });
    if (await tx.committeeResolution.findUnique({ where: { roundId_number: { roundId, number: input.number } } })) {
      errors.push({ path: 'number', message: t('planning.resolutionNumberTaken') });
    }
    const listed = await tx.case.findMany({
      where: { roundId, kind: 'application', state: 'awaiting_decision', recommendedCents: { gt: 0 }, id: { in: input.outcomes.map((o) => o.caseId) } },
      select: { id: true, requestedCents: true, recommendedCents: true },
    });
    const byId = new Map(listed.map((c) => [c.id, c]));
    const seen = new Set<string>();
    input.outcomes.forEach((o, i) => {
      const c = byId.get(o.caseId);
      if (!c) errors.push({ path: `outcomes.${i}.caseId`, message: t('planning.resolutionNotListed') });
      if (seen.has(o.caseId)) errors.push({ path: `outcomes.${i}.caseId`, message: t('planning.resolutionDuplicate') });
      seen.add(o.caseId);
      if (o.outcome === 'amended' && o.amount === undefined) errors.push({ path: `outcomes.${i}.amount`, message: t('planning.amendedNeedsAmount') });
      if (c && o.outcome === 'amended' && o.amount !== undefined && (o.amount <= 0 || o.amount > c.requestedCents)) {
        errors.push({ path: `outcomes.${i}.amount`, message: t('planning.amendedTooHigh', { requested: formatEuro(c.requestedCents) }) });
      }
    });
    if (errors.length > 0) throw new AppError('invalid', t('errors.422.detail'), { errors });

    const resolution = await tx.committeeResolution.create({ data: { roundId, number: input.number, date: input.date, createdById: actor.id } });
    await tx.committeeOutcome.createMany({
      data: input.outcomes.map((o) => ({
        resolutionId: resolution.id,
        caseId: o.caseId,
        outcome: o.outcome,
        // Endorsed "as recommended": the recommended amount is the most a grant may be.
        amountCents: o.outcome === 'amended' ? o.amount! : o.outcome === 'endorsed' ? byId.get(o.caseId)!.recommendedCents : null,
        note: o.note ?? null,
      })),
    });
    for (const o of input.outcomes) {
      await recordAudit(tx, { actorId: actor.id, subjectType: 'case', subjectId: o.caseId, action: 'COMMITTEE_RESOLUTION', payload: { number: input.number, date: input.date, outcome: o.outcome } }, now);
    }
    await recordAudit(tx, { actorId: actor.id, subjectType: 'round', subjectId: roundId, action: 'resolution', payload: { number: input.number, date: input.date, cases: input.outcomes.length } }, now);
    return tx.committeeResolution.findUniqueOrThrow({ where: { id: resolution.id }, include: { outcomes: true } });
  });
}
