import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { formatEuro } from '../cases/money';
import { formatDate } from '../http/format';
import type { Db, Tx } from '../db/client';

/** Outcomes of a committee resolution that allow a grant. */
export const GRANTING_OUTCOMES = ['endorsed', 'amended'] as const;
export const COMMITTEE_OUTCOMES = ['endorsed', 'amended', 'refused', 'deferred'] as const;
export type CommitteeOutcomeKind = (typeof COMMITTEE_OUTCOMES)[number];

export type CommitteeStatus =
  | { required: false }
  | { required: true; covered: false; reason: string }
  | { required: true; covered: true; outcome: CommitteeOutcomeKind; amountCents: number | null; number: string; date: string; reason: string | null };

/**
 * Whether the committee step stands between this application and its grant notice, and what
 * the latest resolution covering it says. A deferred outcome does not cover the case; a later
 * resolution may. Pure reads, so the decision page and the engine's gate give the same answer.
 */
export async function committeeStatus(
  db: Db | Tx,
  row: { id: string; roundId: string | null },
  /** The case's round with its programme, when the caller has loaded it already. */
  loadedRound?: { programme: { committeeStep: boolean } },
): Promise<CommitteeStatus> {
  if (!row.roundId) return { required: false };
  const round = loadedRound ?? (await db.fundingRound.findUnique({ where: { id: row.roundId }, include: { programme: true } }));
  if (!round?.programme.committeeStep) return { required: false };
  const latest = await db.committeeOutcome.findFirst({
    where: { caseId: row.id, outcome: { not: 'deferred' } },
    include: { resolution: true },
    orderBy: [{ resolution: { date: 'desc' } }, { resolution: { createdAt: 'desc' } }],
  });
  if (!latest) return { required: true, covered: false, reason: t('planning.committeePending') };
  const outcome = latest.outcome as CommitteeOutcomeKind;
  const facts = { number: latest.resolution.number, date: formatDate(`${latest.resolution.date}T12:00:00Z`) };
  return {
    required: true,
    covered: true,
    outcome,
    amountCents: latest.amountCents,
    number: latest.resolution.number,
    date: latest.resolution.date,
    reason: outcome === 'refused' ? t('planning.committeeRefused', facts) : null,
  };
}

/**
 * The gate in the engine's transaction: with the committee step on, a grant needs a resolution
 * that endorses the application, for at most the amount the committee endorsed (the recommended
 * one, or the amended one) (409 otherwise).
 */
export async function assertCommitteeCovers(tx: Tx, row: { id: string; roundId: string | null }, amountCents: number): Promise<void> {
  const status = await committeeStatus(tx, row);
  if (!status.required) return;
  if (!status.covered) throw new AppError('conflict', status.reason, { type: 'committee-pending' });
  if (status.outcome === 'refused') throw new AppError('conflict', status.reason!, { type: 'committee-refused' });
  if (status.amountCents !== null && amountCents > status.amountCents) {
    throw new AppError(
      'conflict',
      t('planning.committeeAmount', { number: status.number, amount: formatEuro(status.amountCents) }),
      { type: 'committee-amount' },
    );
  }
}
