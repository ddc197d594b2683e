import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { berlinWallClock, calendarDay, type CellType, type CellValue, type ExportColumn } from './table';

/** Number formats Excel shows in the reader's locale: in German Excel "10.500,00 €" and "02.12.2026". */
const numberFormats: Partial<Record<CellType, string>> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  money: '#,##0.00 "€"',
  percent: '0.0 %',
  date: 'dd.mm.yyyy',
  dateTime: 'dd.mm.yyyy hh:mm',
};

/**
 * A cell's value as Excel stores it: money in euros as a number, dates as dates. Excel has no
 * time zones; a moment is written as its wall-clock time in Berlin.
 */
export function xlsxValue(type: CellType, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'money' && typeof value === 'number') return value / 100;
  if (type === 'date' && (typeof value === 'string' || value instanceof Date)) {
    const d = calendarDay(value);
    return new Date(Date.UTC(d.year, d.month - 1, d.day));
  }
  if (type === 'dateTime' && value instanceof Date) {
    const d = berlinWallClock(value);
    return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute));
  }
  if (type === 'text') return String(value);
  return value as ExcelJS.CellValue;
}

/** Sheet names are at most 31 characters without []:*?/\ (Excel refuses the file otherwise). */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Tabelle';
}

/**
 * Streams one worksheet into `stream` row by row, so a list of 100,000 cases never sits in memory
 * as a workbook: a bold, frozen header row with an autofilter, typed cells with German formats.
 */
export async function writeXlsx<R>(stream: Writable, title: string, columns: ExportColumn<R>[], rows: Iterable<R> | AsyncIterable<R>): Promise<void> {
  // Loaded on the first export: exceljs and its zip libraries are about 25 MB resident.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Förderportal Soziales';
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? (c.type === 'text' ? 30 : 16),
    style: numberFormats[c.type] ? { numFmt: numberFormats[c.type] } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => xlsxValue(c.type, c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
