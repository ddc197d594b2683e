/**
 * The QR code of a notice's verification URL, drawn as vector rectangles with pdf-lib: each
 * horizontal run of dark modules becomes one rectangle, which keeps the content stream small.
 * Pure and deterministic: the same URL always gives the same rectangles.
 */
import { create } from 'qrcode';
import { rgb, type PDFPage, type RGB } from 'pdf-lib';

/** Light modules the QR specification requires around the symbol (ISO/IEC 18004: 4 modules). */
export const QUIET_ZONE_MODULES = 4;

/** A horizontal run of dark modules: row and column from the top left, length in modules. */
export interface ModuleRun {
  row: number;
  col: number;
  length: number;
}

export interface QrRuns {
  /** Modules per side (21 for version 1, +4 per version). */
  size: number;
  runs: ModuleRun[];
}

/** The dark modules of the QR code (error correction level M) of `text`, merged into horizontal runs. */
export function qrModuleRuns(text: string): QrRuns {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: ModuleRun[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

/**
 * Draws a QR code (from qrModuleRuns) with its bottom left corner at (x, y) and the symbol `size`
 * points square. The quiet zone lies outside: keep QUIET_ZONE_MODULES modules around it free.
 * Returns the number of rectangles drawn.
 */
export function drawQrCode(page: PDFPage, qr: QrRuns, box: { x: number; y: number; size: number; color?: RGB }): number {
  const { size: modulesPerSide, runs } = qr;
  const module = box.size / modulesPerSide;
  const color = box.color ?? rgb(0, 0, 0);
  // Rows overlap by a hair so that renderers do not show seams between them.
  const overlap = Math.min(0.05, module / 20);
  for (const run of runs) {
    page.drawRectangle({
      x: box.x + run.col * module,
      y: box.y + box.size - (run.row + 1) * module - (run.row + 1 < modulesPerSide ? overlap : 0),
      width: run.length * module,
      height: module + (run.row + 1 < modulesPerSide ? overlap : 0),
      color,
    });
  }
  return runs.length;
}
