import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';

/**
 * A real PNG or JPEG of the given size in pixels, drawn with pdf-lib and rasterised by poppler's
 * pdftoppm at 72 dpi (one point, one pixel): a blue bar with a white band, like a simple logo.
 */
export async function imageOf(format: 'png' | 'jpeg', width: number, height: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([width, height]);
  page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.1, 0.3, 0.6) });
  page.drawRectangle({ x: width * 0.1, y: height * 0.4, width: width * 0.8, height: height * 0.2, color: rgb(1, 1, 1) });
  const dir = mkdtempSync(join(tmpdir(), 'fps-image-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), await doc.save());
    execFileSync('pdftoppm', ['-r', '72', `-${format}`, '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    return readFileSync(join(dir, format === 'png' ? 'out.png' : 'out.jpg'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
