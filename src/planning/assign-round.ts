import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { todayInBerlin } from '../clock';
import { formatDate } from '../http/format';
import type { Tx } from '../db/client';
import type { CaseRow } from '../cases/case-kind';
import { FRL_SOZIALES } from '../cases/reference-data';

/**
 * The round an application joins when the provider chose none: the programme's round whose
 * deadline is the next one still open (today counts), otherwise the round with the latest
 * deadline, which then judges the application late. No rounds configured: no round.
 */
export async function derivedRound(tx: Tx, programmeId: string, today: string) {
  const open = await tx.fundingRound.findFirst({ where: { programmeId, deadline: { gte: today } }, orderBy: { deadline: 'asc' } });
  return open ?? tx.fundingRound.findFirst({ where: { programmeId }, orderBy: { deadline: 'desc' } });
}

/**
 * At submission, inside the engine's transaction: the application's round and whether it is
 * late. A late application is refused (409, nothing written) when its round refuses late ones,
 * and accepted with `late` set when the round flags them.
 */
export async function assignRound(tx: Tx, row: CaseRow, now: Date): Promise<{ roundId: string | null; late: boolean }> {
  const today = todayInBerlin(now);
  const round = row.roundId
    ? await tx.fundingRound.findUniqueOrThrow({ where: { id: row.roundId } })
    : await derivedRound(tx, FRL_SOZIALES.id, today);
  if (!round) return { roundId: null, late: false };
  const late = today > round.deadline;
  if (late && round.latePolicy === 'refuse') {
    throw new AppError('conflict', t('planning.lateRefused', { year: round.year, deadline: formatDate(`${round.deadline}T12:00:00Z`) }), { type: 'application-late' });
  }
  return { roundId: round.id, late };
}
