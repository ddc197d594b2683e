import { CsvError, parse } from 'csv-parse/sync';
import { t } from '../../i18n/t';

export interface DistrictCsvRow {
  line: number;
  name: string;
  planningArea: string;
  year: number;
  socialIndex: number;
  inhabitants: number;
}

/** The columns of the import file, as a spreadsheet exports them in Germany. */
export const DISTRICT_CSV_COLUMNS = ['Ortsteil', 'Planungsraum', 'Jahr', 'Sozialindex', 'Einwohner'] as const;

/** The file's records with the line each ends on; a broken quote is reported at its line. */
function recordsOf(text: string): { records: { fields: string[]; line: number }[] } | { error: string } {
  try {
    const parsed = parse(text, { delimiter: ';', bom: true, trim: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: parsed.map((p) => ({ fields: p.record, line: p.info.lines })) };
  } catch (error) {
    if (error instanceof CsvError) return { error: t('planning.csv.malformed', { line: (error as CsvError & { lines?: number }).lines ?? 1 }) };
    throw error;
  }
}

/** "61,25" → 61.25; "1.234,5" → 1234.5; at most two decimals, as the index is published. */
export function parseGermanDecimal(value: string): number | null {
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/.test(value)) return null;
  return Number(value.replace(/\./g, '').replace(',', '.'));
}

/** More people than any Ortsteil has; the column is a 32-bit integer, which larger numbers overflow. */
export const MAX_INHABITANTS = 10_000_000;

/** "6.400" or "6400" → 6400. */
export function parseGermanInteger(value: string): number | null {
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(value)) return null;
  return Number(value.replace(/\./g, ''));
}

/**
 * Reads the Ortsteile import file (UTF-8, semicolons, decimal comma; columns in any order, named
 * by the header). Pure: returns every row or every error with its line number, never a part.
 */
export function parseDistrictCsv(text: string): { rows: DistrictCsvRow[]; errors: string[] } {
  const read = recordsOf(text);
  if ('error' in read) return { rows: [], errors: [read.error] };
  const [head, ...body] = read.records;
  if (!head) return { rows: [], errors: [t('planning.csv.empty')] };
  const header = head.fields.map((h) => h.toLowerCase());
  const positions = DISTRICT_CSV_COLUMNS.map((c) => header.indexOf(c.toLowerCase()));
  if (positions.some((p) => p < 0)) {
    return { rows: [], errors: [t('planning.csv.header', { columns: DISTRICT_CSV_COLUMNS.join(';'), found: head.fields.join(';') })] };
  }
  const rows: DistrictCsvRow[] = [];
  const errors: string[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { fields, line } of body) {
    if (fields.every((f) => f === '')) continue;
    if (fields.length !== header.length) {
      errors.push(t('planning.csv.columns', { line, expected: header.length, found: fields.length }));
      continue;
    }
    const [name, planningArea, yearText, indexText, inhabitantsText] = positions.map((p) => fields[p]!);
    const before = errors.length;
    if (!name) errors.push(t('planning.csv.name', { line }));
    if (!planningArea) errors.push(t('planning.csv.planningArea', { line }));
    const year = /^\d{4}$/.test(yearText!) ? Number(yearText) : null;
    if (year === null || year < 2000 || year > 2100) errors.push(t('planning.csv.year', { line, value: yearText! }));
    const socialIndex = parseGermanDecimal(indexText!);
    if (socialIndex === null) errors.push(t('planning.csv.socialIndex', { line, value: indexText! }));
    const inhabitants = parseGermanInteger(inhabitantsText!);
    if (inhabitants === null || inhabitants > MAX_INHABITANTS) errors.push(t('planning.csv.inhabitants', { line, value: inhabitantsText! }));
    if (errors.length > before) continue;
    const key = `${name!.toLowerCase()}|${year}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      errors.push(t('planning.csv.duplicate', { line, name: name!, year: year!, first }));
      continue;
    }
    firstLineOf.set(key, line);
    rows.push({ line, name: name!, planningArea: planningArea!, year: year!, socialIndex: socialIndex!, inhabitants: inhabitants! });
  }
  if (rows.length === 0 && errors.length === 0) errors.push(t('planning.csv.empty'));
  return { rows, errors };
}
