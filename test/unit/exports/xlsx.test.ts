import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sheetName, writeXlsx, xlsxValue } from '../../../src/exports/xlsx';
import type { ExportColumn } from '../../../src/exports/table';

async function written<R>(columns: ExportColumn<R>[], rows: R[]): Promise<ExcelJS.Worksheet> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(stream, 'Anträge: Liste/2027', columns, rows);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('XLSX export', () => {
  it('when money, dates and counts are written, then they are real number and date cells with German formats', async () => {
    const sheet = await written(
      [
        { header: 'Aktenzeichen', type: 'text', value: (r: { cents: number }) => `FRL-${r.cents}` },
        { header: 'Bewilligt', type: 'money', value: (r) => r.cents },
        { header: 'Eingereicht am', type: 'date', value: () => new Date('2026-12-31T23:30:00Z') },
        { header: 'Frist', type: 'date', value: () => '2027-03-01' },
        { header: 'Anzahl', type: 'integer', value: () => 7 },
      ],
      [{ cents: 1050000 }],
    );
    expect(sheet.name).toBe('Anträge  Liste 2027');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Aktenzeichen', 'Bewilligt', 'Eingereicht am', 'Frist', 'Anzahl']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(10500);
    expect(row.getCell(2).numFmt).toBe('#,##0.00 "€"');
    // The day in Berlin, as Excel (which knows no time zones) shows it.
    expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(row.getCell(3).numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2027, 2, 1)));
    expect(row.getCell(5).value).toBe(7);
  });

  it('when a value is missing, then the cell stays empty rather than showing zero', () => {
    expect(xlsxValue('money', null)).toBeNull();
    expect(xlsxValue('date', undefined)).toBeNull();
    expect(xlsxValue('text', 12)).toBe('12');
  });

  it('when a title has characters Excel refuses in sheet names or is too long, then the name is cleaned and cut to 31', () => {
    expect(sheetName('Bericht [2027]: Nord/Süd?')).toBe('Bericht  2027   Nord Süd');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
