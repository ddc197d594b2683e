import { calendarDay, berlinWallClock, type CellType, type CellValue, type ExportColumn } from './table';

/**
 * CSV the way German Excel and LibreOffice open it with a double click: UTF-8 with a byte order
 * mark, semicolons between fields, a decimal comma, dates as TT.MM.JJJJ, CRLF line ends.
 */
export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';

const pad = (n: number) => String(n).padStart(2, '0');

function decimal(value: number, places: number): string {
  return value.toFixed(places).replace('.', ',');
}

/** One field as text, quoted where it holds a separator, a quote or a line break. */
export function csvField(type: CellType, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  let text: string;
  if (type === 'money' && typeof value === 'number') text = decimal(value / 100, 2);
  else if (type === 'decimal' && typeof value === 'number') text = decimal(value, 2);
  else if (type === 'percent' && typeof value === 'number') text = `${decimal(value * 100, 1)} %`;
  else if (type === 'integer' && typeof value === 'number') text = String(Math.round(value));
  else if (type === 'date' && (typeof value === 'string' || value instanceof Date)) {
    const d = calendarDay(value);
    text = `${pad(d.day)}.${pad(d.month)}.${d.year}`;
  } else if (type === 'dateTime' && value instanceof Date) {
    const d = berlinWallClock(value);
    text = `${pad(d.day)}.${pad(d.month)}.${d.year} ${pad(d.hour)}:${pad(d.minute)}`;
  } else text = neutralised(String(value));
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text from providers (titles, names) that starts like a formula is prefixed with an apostrophe,
 * so a spreadsheet shows it instead of running it (CSV injection, OWASP).
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvLine<R>(columns: ExportColumn<R>[], row: R): string {
  return columns.map((c) => csvField(c.type, c.value(row))).join(SEPARATOR) + '\r\n';
}

export function csvHeader<R>(columns: ExportColumn<R>[]): string {
  return columns.map((c) => csvField('text', c.header)).join(SEPARATOR) + '\r\n';
}
