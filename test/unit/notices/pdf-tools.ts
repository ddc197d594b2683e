import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes the PDF to a temp file and runs a poppler tool on it. */
export function withPdf<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'notice-'));
  try {
    const file = path.join(dir, 'notice.pdf');
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` output. */
export function pdfText(bytes: Uint8Array): string {
  return withPdf(bytes, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** `pdftotext` in reading order (no -layout): side-by-side blocks come out one after the other. */
export function pdfReadingText(bytes: Uint8Array): string {
  return withPdf(bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** Text with all whitespace (incl. no-break spaces and line breaks) collapsed: phrases survive wrapping. */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

export interface FontRow {
  name: string;
  emb: string;
  sub: string;
  uni: string;
}

/** Rows of `pdffonts`: name and the emb/sub/uni columns. */
export function pdfFonts(bytes: Uint8Array): FontRow[] {
  const out = withPdf(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type... encoding emb sub uni objectnum gen
      const [emb, sub, uni] = cols.slice(-5, -2) as [string, string, string];
      return { name: cols[0]!, emb, sub, uni };
    });
}

/** `pdfinfo` field, e.g. "Pages". */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withPdf(bytes, (file) => execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!] = m[2]!;
  }
  return info;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Word positions from `pdftotext -bbox` (points, origin top left). */
export function pdfWordBoxes(bytes: Uint8Array): WordBox[] {
  const html = withPdf(bytes, (file) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const boxes: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) boxes.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), word: m[5]! });
  }
  return boxes;
}
