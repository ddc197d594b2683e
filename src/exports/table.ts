/**
 * One shape for every list and report that people download: typed columns with German headers,
 * rows from an array or fetched batch by batch. The CSV and XLSX writers format from the types,
 * so a list never formats its own numbers.
 */
export type CellType = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date' | 'dateTime';

/** Money is integer cents; a date is "YYYY-MM-DD" or a Date (shown as its day in Berlin); percent is a fraction (0.25). */
export type CellValue = string | number | Date | null | undefined;

export interface ExportColumn<R> {
  header: string;
  type: CellType;
  value(row: R): CellValue;
  /** Width in characters in the XLSX sheet. */
  width?: number;
}

export interface ExportTable<R> {
  /** Sheet name and first line of the file name ("Anträge"). */
  title: string;
  /** File name without extension ("antraege-2026-12-02"). */
  fileName: string;
  columns: ExportColumn<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
}

export type ExportFormat = 'csv' | 'xlsx';

export function exportFormatOf(value: unknown): ExportFormat | null {
  return value === 'csv' || value === 'xlsx' ? value : null;
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock fields of a moment in Berlin (what a clerk in the office reads). */
export function berlinWallClock(value: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(berlinParts.formatToParts(value).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** A date cell's calendar day: "YYYY-MM-DD" as it is, a moment as its day in Berlin. */
export function calendarDay(value: string | Date): { year: number; month: number; day: number } {
  if (typeof value === 'string') {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number);
    return { year: year!, month: month!, day: day! };
  }
  return berlinWallClock(value);
}

/** An async iterable of all rows, read in batches through `page(cursor)` until a batch comes back short. */
export async function* inBatches<R>(batchSize: number, page: (after: R | undefined) => Promise<R[]>): AsyncIterable<R> {
  let last: R | undefined;
  for (;;) {
    const batch = await page(last);
    yield* batch;
    if (batch.length < batchSize) return;
    last = batch[batch.length - 1];
  }
}
