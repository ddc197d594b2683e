import { t } from '../i18n/t';
import { todayInBerlin } from '../clock';
import type { ExportTable } from '../exports/table';
import type { RoundFigures } from './round-figures';

interface RoundRow {
  year: number;
  deadline: string;
  latePolicy: string;
  programme: { name: string };
  amounts: RoundFigures;
}

/** The funding rounds with their budget position, as the rounds page shows them, as a download. */
export function roundsTable(rounds: RoundRow[], now: Date): ExportTable<RoundRow> {
  const h = (key: string) => t(`exports.columns.${key}`);
  return {
    title: t('nav.rounds'),
    fileName: `foerderrunden-${todayInBerlin(now)}`,
    columns: [
      { header: h('programme'), type: 'text', value: (r) => r.programme.name, width: 20 },
      { header: h('fundingYear'), type: 'text', value: (r) => String(r.year), width: 10 },
      { header: h('deadline'), type: 'date', value: (r) => r.deadline },
      { header: h('latePolicy'), type: 'text', value: (r) => t(`planning.latePolicies.${r.latePolicy}`), width: 40 },
      { header: h('budget'), type: 'money', value: (r) => r.amounts.budgetCents },
      { header: h('committed'), type: 'money', value: (r) => r.amounts.committedCents },
      { header: h('recommendedUndecided'), type: 'money', value: (r) => r.amounts.recommendedCents },
      { header: h('remaining'), type: 'money', value: (r) => r.amounts.remainingCents },
      { header: h('afterRecommended'), type: 'money', value: (r) => r.amounts.afterRecommendedCents },
    ],
    rows: rounds,
  };
}
