import type { Response } from 'express';
import { CSV_BOM, csvHeader, csvLine } from './csv';
import { writeXlsx } from './xlsx';
import type { ExportFormat, ExportTable } from './table';

const mediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Sends a list or report as a download; the one way every page and API route exports. */
export async function sendExport<R>(res: Response, format: ExportFormat, table: ExportTable<R>): Promise<void> {
  const fileName = `${table.fileName}.${format}`;
  res.status(200);
  res.setHeader('Content-Type', mediaTypes[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  if (format === 'xlsx') {
    await writeXlsx(res, table.title, table.columns, table.rows);
    return;
  }
  // Lines go out in chunks of about 64 KB: one write per line costs more than the formatting.
  let chunk = CSV_BOM + csvHeader(table.columns);
  for await (const row of table.rows) {
    chunk += csvLine(table.columns, row);
    if (chunk.length < 65_536) continue;
    const flushed = res.write(chunk);
    chunk = '';
    // Respect back-pressure, so a long export does not fill the memory with unsent lines.
    if (!flushed) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end(chunk);
}
