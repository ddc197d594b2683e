import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';

/** Collects a binary response body (supertest buffers text only). */
export function binaryParser(res: { on(event: string, listener: (chunk?: Buffer) => void): unknown }, done: (err: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Parses CSV as a spreadsheet reads it: semicolons, double-quoted fields with "" for a quote. */
export function parseCsv(text: string): string[][] {
  return parse(text, { delimiter: ';', relax_column_count: true }) as string[][];
}

/** A CSV download: checks the byte order mark and returns header and rows as objects. */
export function csvRecords(res: Response): Record<string, string>[] {
  const text = (res.body as Buffer).toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('CSV without a UTF-8 byte order mark');
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** An XLSX download read back with exceljs: the first sheet's rows as objects of cell values. */
export async function xlsxRecords(res: Response): Promise<{ sheet: ExcelJS.Worksheet; rows: Record<string, ExcelJS.Cell>[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return { sheet, rows };
}
