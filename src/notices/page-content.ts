import type { RGB } from 'pdf-lib';

/** A number as a content stream writes it: to a thousandth of a point, never in exponent form. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  // Math.round leaves -0 for small negatives, which String() writes as "0" anyway.
  return String(rounded === 0 ? 0 : rounded);
}

const colour = (c: RGB) => `${pdfNumber(c.red)} ${pdfNumber(c.green)} ${pdfNumber(c.blue)}`;

export interface TextRun {
  /** The glyph codes of the run in the page's font, as hexadecimal digits. */
  hex: string;
  x: number;
  /** The name under which the page's resources know the run's font, with its slash ("/F1"). */
  font: string;
}

/**
 * One page's content stream, written as PDF operators in text. pdf-lib's drawing calls build an
 * object for every operator and every number and format each number through a general routine;
 * a notice draws thousands of them, which took about a fifth of its rendering time (pdf-lib's
 * numberToString alone 7.5 %, the content stream's encoding 3.7 %, and the garbage they left).
 * The operators are those pdf-lib writes for the same drawing (PDF 32000-1, 8 and 9).
 */
export class PageContent {
  private parts: string[] = [];

  /** Text runs on one baseline in one text object, in the fill colour. */
  text(runs: readonly TextRun[], baseline: number, size: number, color: RGB): void {
    if (runs.length === 0) return;
    let out = `q BT ${colour(color)} rg\n`;
    let font: string | undefined;
    const y = pdfNumber(baseline);
    for (const run of runs) {
      if (run.font !== font) {
        out += `${run.font} ${pdfNumber(size)} Tf\n`;
        font = run.font;
      }
      out += `1 0 0 1 ${pdfNumber(run.x)} ${y} Tm <${run.hex}> Tj\n`;
    }
    this.parts.push(`${out}ET Q\n`);
  }

  /** A straight line of the given thickness. */
  line(from: { x: number; y: number }, to: { x: number; y: number }, thickness: number, color: RGB): void {
    this.parts.push(
      `q ${colour(color)} RG ${pdfNumber(thickness)} w ${pdfNumber(from.x)} ${pdfNumber(from.y)} m ${pdfNumber(to.x)} ${pdfNumber(to.y)} l S Q\n`,
    );
  }

  /** Rectangles filled as one path: one graphics state for all of them (a QR code's module runs). */
  rectangles(boxes: readonly { x: number; y: number; width: number; height: number }[], color: RGB): void {
    let out = `q ${colour(color)} rg\n`;
    for (const b of boxes) out += `${pdfNumber(b.x)} ${pdfNumber(b.y)} ${pdfNumber(b.width)} ${pdfNumber(b.height)} re\n`;
    this.parts.push(`${out}f Q\n`);
  }

  /** An image XObject (`name` as the page's resources know it, with its slash) scaled into a box. */
  image(name: string, box: { x: number; y: number; width: number; height: number }): void {
    this.parts.push(`q ${pdfNumber(box.width)} 0 0 ${pdfNumber(box.height)} ${pdfNumber(box.x)} ${pdfNumber(box.y)} cm ${name} Do Q\n`);
  }

  /** The stream's text; ASCII only, as every name, number and glyph code in it is. */
  toString(): string {
    return this.parts.join('');
  }
}
