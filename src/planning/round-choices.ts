import { t } from '../i18n/t';
import { formatDate } from '../http/format';
import type { Db } from '../db/client';
import { FRL_SOZIALES } from '../cases/reference-data';

/**
 * The rounds an application form offers: first "automatic" (the round with the next open
 * deadline, named so the provider sees which), then every round of the programme with its
 * deadline, closed ones marked with what happens to a late application.
 */
export async function roundChoices(db: Db, today: string) {
  const rounds = await db.fundingRound.findMany({ where: { programmeId: FRL_SOZIALES.id }, orderBy: { deadline: 'asc' } });
  if (rounds.length === 0) return [];
  const open = rounds.find((r) => r.deadline >= today);
  const describe = (r: (typeof rounds)[number]) =>
    t(r.deadline >= today ? 'pages.planning.form.roundOpen' : `pages.planning.form.roundClosed.${r.latePolicy}`, { year: r.year, deadline: formatDate(`${r.deadline}T12:00:00Z`) });
  return [
    { value: '', text: open ? t('pages.planning.form.automatic', { round: describe(open) }) : t('pages.planning.form.automaticNone') },
    ...rounds.map((r) => ({ value: r.id, text: describe(r) })),
  ];
}
