import type { ExportTable } from '../exports/table';
import type { RecommendationList, RecommendationRow } from './recommendation-list';
import { RECOMMENDATION_COLUMNS } from './recommendation-xlsx';

/**
 * The recommendation list as CSV, for offices that work on it outside a spreadsheet: the
 * workbook's columns in the same order, amounts and dates the German way. Unlike the workbook it
 * has no total row, so every line is one application and the file sorts and filters cleanly.
 */
export function recommendationTable(list: RecommendationList): ExportTable<RecommendationRow> {
  const [rank, reference, title, organisation, district, planningArea, socialIndex, requested, recommended, submittedAt, late] = RECOMMENDATION_COLUMNS;
  return {
    title: 'Empfehlungsliste',
    fileName: `Empfehlungsliste-${list.round.year}`,
    columns: [
      { header: rank, type: 'integer', value: (r) => r.rank },
      { header: reference, type: 'text', value: (r) => r.reference },
      { header: title, type: 'text', value: (r) => r.title },
      { header: organisation, type: 'text', value: (r) => r.organisation },
      { header: district, type: 'text', value: (r) => r.district },
      { header: planningArea, type: 'text', value: (r) => r.planningArea },
      { header: socialIndex, type: 'decimal', value: (r) => r.socialIndex },
      { header: requested, type: 'money', value: (r) => r.requestedCents },
      { header: recommended, type: 'money', value: (r) => r.recommendedCents },
      { header: submittedAt, type: 'date', value: (r) => r.submittedAt },
      { header: late, type: 'text', value: (r) => (r.late ? 'ja' : 'nein') },
    ],
    rows: list.rows,
  };
}
