import { formatEuro } from '../cases/money';
import { formatDate, formatDateTime } from '../http/format';
import type { CellType, CellValue, ExportColumn } from './table';

export interface PresentedTable {
  head: { text: string; numeric: boolean }[];
  rows: { text: string; numeric: boolean }[][];
}

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A cell as a page shows it: "10.500,00 €", "1.234", "25,6 %", "02.12.2026"; empty as "–". */
export function presentCell(type: CellType, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') {
    if (type === 'money') return formatEuro(value);
    if (type === 'integer') return integer.format(value);
    if (type === 'decimal') return decimal.format(value);
    if (type === 'percent') return percent.format(value);
  }
  if (type === 'date' && (typeof value === 'string' || value instanceof Date)) return formatDate(typeof value === 'string' ? `${value.slice(0, 10)}T12:00:00Z` : value);
  if (type === 'dateTime' && value instanceof Date) return formatDateTime(value);
  return String(value);
}

/**
 * The same columns a download has, formatted for the page: the table people read is the table
 * they download, and the text alternative of the chart beside it.
 */
export function presentTable<R>(columns: ExportColumn<R>[], rows: R[]): PresentedTable {
  const numeric = (c: ExportColumn<R>) => c.type !== 'text' && c.type !== 'date' && c.type !== 'dateTime';
  return {
    head: columns.map((c) => ({ text: c.header, numeric: numeric(c) })),
    rows: rows.map((r) => columns.map((c) => ({ text: presentCell(c.type, c.value(r)), numeric: numeric(c) }))),
  };
}
