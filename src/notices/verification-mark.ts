/**
 * The QR code of a notice's verification URL, drawn as one vector path with pdf-lib: each
 * horizontal run of dark modules becomes one rectangle of it, which keeps the content stream small.
 * Pure and deterministic: the same URL always gives the same rectangles.
 */
import { create } from 'qrcode';
import { rgb, type RGB } from 'pdf-lib';
import type { PageContent } from './page-content';

/** Light modules the QR specification requires around the symbol (ISO/IEC 18004: 4 modules). */
export const QUIET_ZONE_MODULES = 4;

/** The mask pattern of every code (ISO/IEC 18004 allows any of 0–7). */
export const QR_MASK_PATTERN = 2;

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
  // A fixed mask: choosing the best of eight (the default) takes longer than drawing the whole
  // page, and any mask gives a valid symbol that scanners read.
  const { modules } = create(text, { errorCorrectionLevel: 'M', maskPattern: QR_MASK_PATTERN });
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
export function drawQrCode(content: PageContent, qr: QrRuns, box: { x: number; y: number; size: number; color?: RGB }): number {
  const { size: modulesPerSide, runs } = qr;
  const module = box.size / modulesPerSide;
  // Rows overlap by a hair so that renderers do not show seams between them.
  const overlap = Math.min(0.05, module / 20);
  // One filled path of all runs: a rectangle per drawRectangle call would wrap each run in its
  // own graphics state, several times the content stream and the rendering time.
  content.rectangles(
    runs.map((run) => {
      const seam = run.row + 1 < modulesPerSide ? overlap : 0;
      return { x: box.x + run.col * module, y: box.y + box.size - (run.row + 1) * module - seam, width: run.length * module, height: module + seam };
    }),
    box.color ?? rgb(0, 0, 0),
  );
  return runs.length;
}
