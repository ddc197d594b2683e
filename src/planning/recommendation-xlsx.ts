import type { RecommendationList } from './recommendation-list';
import { PRIORITY_RULE } from './recommendation-list';

const EURO = '#,##0.00 "€"';

/** Sheet and column headers, German as the committee's office reads them. */
export const RECOMMENDATION_COLUMNS = [
  'Rang',
  'Aktenzeichen',
  'Vorhaben',
  'Träger',
  'Ortsteil',
  'Planungsraum',
  'Sozialindex',
  'Beantragt (€)',
  'Empfohlen (€)',
  'Eingereicht am',
  'Verspätet',
] as const;

/**
 * The recommendation list as a workbook: one row per application in priority order, amounts as
 * numbers in euros with a German number format (so the office can sum and sort), a total row
 * with SUM formulas and their results, and the priority rule below the table.
 */
export async function renderRecommendationXlsx(list: RecommendationList, at: Date): Promise<Buffer> {
  const { round, rows, totals } = list;
  // Loaded when first asked for, as the exports do (exports/xlsx.ts).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Förderportal Soziales';
  workbook.created = at;
  workbook.modified = at;
  const sheet = workbook.addWorksheet('Empfehlungsliste', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RECOMMENDATION_COLUMNS.map((header) => ({ header, width: header === 'Vorhaben' || header === 'Träger' ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.rank,
      r.reference,
      r.title,
      r.organisation,
      r.district,
      r.planningArea,
      r.socialIndex,
      r.requestedCents / 100,
      r.recommendedCents / 100,
      r.submittedAt,
      r.late ? 'ja' : 'nein',
    ]);
  }
  const last = rows.length + 1;
  const total = sheet.addRow([
    null,
    'Summe',
    `${rows.length} Anträge`,
    null,
    null,
    null,
    null,
    { formula: `SUM(H2:H${last})`, result: totals.requestedCents / 100 },
    { formula: `SUM(I2:I${last})`, result: totals.recommendedCents / 100 },
    null,
    null,
  ]);
  total.font = { bold: true };
  sheet.getColumn(7).numFmt = '0.00';
  sheet.getColumn(8).numFmt = EURO;
  sheet.getColumn(9).numFmt = EURO;
  sheet.getColumn(10).numFmt = 'dd.mm.yyyy';
  sheet.addRow([]);
  sheet.addRow([`Förderrunde ${round.year} (${round.programme.name}), Antragsfrist ${round.deadline.split('-').reverse().join('.')}. Reihenfolge: ${PRIORITY_RULE}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
