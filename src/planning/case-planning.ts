import { t } from '../i18n/t';
import { formatEuro } from '../cases/money';
import { formatDate } from '../http/format';
import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';
import { roundFigures } from './round-figures';
import { committeeStatus } from './committee-gate';
import { figuresForPage, roundLabel } from './figures-for-page';

/**
 * What an application's page shows about its round: the round and whether it came in late for
 * everyone; for staff also the round's budget position and, with the committee step on, whether
 * a resolution covers the case (the head's decision form says why a grant must wait).
 */
export async function casePlanning(db: Db, actor: Actor, row: { id: string; roundId: string | null; late: boolean; state: string }) {
  if (!row.roundId) return null;
  const round = await db.fundingRound.findUnique({ where: { id: row.roundId }, include: { programme: true } });
  if (!round) return null;
  const label = roundLabel(round);
  const base = { label, late: row.late, deadline: formatDate(`${round.deadline}T12:00:00Z`) };
  if (actor.role === 'applicant') return { ...base, budget: null, committee: null };
  const status = await committeeStatus(db, row, round);
  const committee = !status.required
    ? null
    : !status.covered
      ? { covered: false, granting: false, text: status.reason }
      : {
          covered: true,
          granting: status.outcome !== 'refused',
          text: status.reason ?? t('pages.planning.committee.covered', { number: status.number, date: formatDate(`${status.date}T12:00:00Z`), outcome: t(`planning.outcomes.${status.outcome}`) }),
          maxAmount: status.amountCents === null ? null : t('pages.planning.committee.maxAmount', { amount: formatEuro(status.amountCents) }),
        };
  return { ...base, budget: figuresForPage(await roundFigures(db, round)), committee };
}
