/**
 * Layout primitives for an A4 business letter in the spirit of DIN 5008 (form B): letterhead,
 * return line and address field, information block, bold subject, then flowing content with
 * automatic page breaks, and a footer with the authority's address and "Seite x von y".
 *
 * Text is measured word by word, each distinct word once per document (pdf-lib shapes the text
 * on every measurement, which is the main cost), and drawn one line at a time.
 */
import { PDFArray, PDFDocument, PDFFont, PDFHexString, PDFImage, PDFPage, rgb, type RGB } from 'pdf-lib';
import type { Addressee, Authority } from './model';
import { cachingFontkit, noticeFontBytes, SUBSET_BASE_TEXT } from './fonts';
import { drawQrCode, qrModuleRuns, QUIET_ZONE_MODULES } from './verification-mark';
import { embedLogo } from './logo-image';
import { subsetTextEncoder } from './text-encoder';
import { bold, type Inline } from './inline';
import { PageContent } from './page-content';

// ---------------------------------------------------------------------------------------------
// Page geometry (PDF points; y grows upwards from the bottom edge)

const MM = 72 / 25.4;
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
const LEFT = 25 * MM;
const RIGHT = PAGE_WIDTH - 20 * MM;
export const CONTENT_WIDTH = RIGHT - LEFT;
const fromTop = (mm: number): number => PAGE_HEIGHT - mm * MM;

const FOOTER_RULE_Y = 24 * MM;
const CONTENT_BOTTOM = 28 * MM;
const CONTINUATION_TOP = fromTop(22);

const ADDRESS_WIDTH = 80 * MM; // 85 mm window minus 5 mm inner margin
const INFO_LEFT = 125 * MM;
const INFO_WIDTH = RIGHT - INFO_LEFT;

/** The logo's box at the top right of page 1, above the letterhead rule at 30 mm. */
const LOGO_TOP_MM = 9;
const LOGO_MAX_WIDTH = 50 * MM;
const LOGO_MAX_HEIGHT = 19 * MM;

/** Side of the verification QR code (without its quiet zone). */
const QR_SIZE = 23 * MM;
/** Width of narrow content (the signature block): it ends left of the verification block's text. */
const NARROW_WIDTH = INFO_LEFT - LEFT - 6 * MM;

const BODY_SIZE = 10;
const BODY_LEADING = 14;
const SMALL_SIZE = 9;
const SMALL_LEADING = 12;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.6, 0.6, 0.6);
const FILL = rgb(0.92, 0.92, 0.92);

// ---------------------------------------------------------------------------------------------
// Inline text

/** Splits text on blank lines into paragraphs (single newlines stay line breaks). */
export function splitParagraphs(text: string): string[] {
  return normaliseText(text)
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function normaliseText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // Control characters and zero-width/bidi controls have no glyph; drop them.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      // Keep "45,00 €", "12 %" and "§ 39" together on one line.
      .replace(/(\d) (?=[€%])/g, '$1\u00a0')
      .replace(/(§§?) (?=\d)/g, '$1\u00a0')
  );
}

interface Piece {
  text: string;
  bold: boolean;
}
/** Pieces glued together without a space: a unit the line breaker never splits unless too long. */
interface Unit {
  pieces: Piece[];
  width: number;
}
interface Segment {
  text: string;
  bold: boolean;
  x: number;
}
interface Line {
  segments: Segment[];
  width: number;
}

// ---------------------------------------------------------------------------------------------

export interface InfoRow {
  label: string;
  value: string;
}

export interface LetterOptions {
  authority: Authority;
  addressee: Addressee;
  /** The information block on the right (Aktenzeichen, Datum, Ansprechperson …). */
  info: InfoRow[];
  subject: string;
  /** Right part of the running header on continuation pages, e.g. "Zuwendungsbescheid vom … · Az. …". */
  runningHeader: string;
  metadata: {
    title: string;
    subject: string;
    keywords?: string[];
    /** CreationDate and ModDate: fixed, so the same model gives the same bytes. */
    date: Date;
  };
  /**
   * Hex digest of the model (at least 32 hex digits): the document ID and the subset font tags
   * are derived from it, so they are deterministic and differ between notices.
   */
  fingerprint: string;
}

export interface Verification {
  /** e.g. "K7QF-93XM-2PLA". */
  code: string;
  /** Public page that checks the code, e.g. "https://portal.example/verify/K7QF-93XM-2PLA". */
  url: string;
}

export interface TableColumn {
  header: string;
  /** Width in points; columns without a width share the rest. */
  width?: number;
  align?: 'left' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** Bold last row after a rule, e.g. ["Gesamtausgaben", "", "10.500,00 €"]. */
  total?: string[];
}

interface Cell {
  lines: Line[];
  x: number;
  width: number;
  align: 'left' | 'right';
}

interface RowStyle {
  size: number;
  leading: number;
  padY: number;
  color?: RGB;
  fill?: RGB;
  ruleBelow?: { thickness: number; color: RGB };
  ruleAbove?: { thickness: number; color: RGB };
  /** Lines a chunk must keep together when the row is split across pages. */
  minChunk: number;
  /** Move the whole row to the next page rather than splitting it (table rows). */
  keepWhole?: boolean;
  /** The row is at most NARROW_WIDTH wide: on page 1 it may go down beside the verification block. */
  narrow?: boolean;
}

export class Letter {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** Top of the free space on the current page. */
  private y = 0;
  private pageTop = 0;
  /**
   * Lowest y full-width content may reach on the current page: page 1 ends above the
   * verification block, beside which only narrow content (NARROW_WIDTH) goes down to CONTENT_BOTTOM.
   */
  private bottom = CONTENT_BOTTOM;
  private verification?: Verification;
  /** Where the content of page 1 starts (below the subject). */
  private contentTop = 0;
  private readonly widthCache = new Map<PDFFont, Map<string, number>>();
  private readonly fontKeys = new Map<PDFPage, Map<PDFFont, string>>();
  private readonly encoders = new Map<PDFFont, (text: string) => string>();
  /** What each page draws, written into its content stream when the letter is saved. */
  private readonly contents = new Map<PDFPage, PageContent>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly boldFont: PDFFont,
    private readonly options: LetterOptions,
  ) {}

  static async create(options: LetterOptions): Promise<Letter> {
    if (!/^[0-9a-f]{32,}$/i.test(options.fingerprint)) throw new Error('Letter: fingerprint must be at least 32 hex digits');
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(cachingFontkit);
    const bytes = noticeFontBytes();
    // A subset font's name needs a six-letter tag ("ABCDEF+DejaVuSans", PDF 32000 9.6.4); pdf-lib
    // would add a numeric suffix instead. The tag comes from the fingerprint: deterministic.
    const regular = await doc.embedFont(bytes.regular, {
      subset: true,
      customName: `${subsetTag(options.fingerprint, 0)}+DejaVuSans`,
    });
    const boldFont = await doc.embedFont(bytes.bold, {
      subset: true,
      customName: `${subsetTag(options.fingerprint, 6)}+DejaVuSans-Bold`,
    });
    // Every subset starts with the same glyphs in the same order, so that notices share their
    // encoded font programs (fonts.ts); a notice adds only the rare characters it uses.
    regular.encodeText(SUBSET_BASE_TEXT);
    boldFont.encodeText(SUBSET_BASE_TEXT);

    const { metadata, authority } = options;
    doc.setTitle(metadata.title, { showInWindowTitleBar: true });
    doc.setAuthor(authority.name);
    doc.setSubject(metadata.subject);
    if (metadata.keywords) doc.setKeywords(metadata.keywords);
    doc.setCreator('Förderportal Soziales');
    doc.setProducer('Förderportal Soziales (pdf-lib)');
    doc.setLanguage('de-DE');
    doc.setCreationDate(metadata.date);
    doc.setModificationDate(metadata.date);
    // pdf-lib writes no /ID for a new document; set one derived from the model (both halves
    // equal: this is the first and only version of the file).
    const id = PDFHexString.of(options.fingerprint.slice(0, 32).toUpperCase());
    doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
    (doc.context.trailerInfo.ID as PDFArray).push(id);
    (doc.context.trailerInfo.ID as PDFArray).push(id);

    const logo = authority.logo ? await embedLogo(doc, authority.logo) : undefined;

    const letter = new Letter(doc, regular, boldFont, options);
    letter.firstPage(logo);
    return letter;
  }

  // -------------------------------------------------------------------------------------------
  // Measuring

  /** Width of text at the given size; each distinct string is shaped once per document. */
  private width(text: string, isBold: boolean, size: number): number {
    const font = isBold ? this.boldFont : this.regular;
    let widths = this.widthCache.get(font);
    if (!widths) {
      widths = new Map();
      this.widthCache.set(font, widths);
    }
    let w = widths.get(text);
    if (w === undefined) {
      w = font.widthOfTextAtSize(text, 1000) / 1000;
      widths.set(text, w);
    }
    return w * size;
  }

  private toUnits(content: Inline, size: number): Unit[][] {
    const runs = typeof content === 'string' ? [{ text: content }] : content;
    const hardLines: Unit[][] = [[]];
    let open: Unit | undefined;
    for (const run of runs) {
      const isBold = run.bold === true;
      for (const match of normaliseText(run.text).matchAll(/\n|[ ]+|[^ \n]+/g)) {
        const token = match[0];
        if (token === '\n') {
          hardLines.push([]);
          open = undefined;
        } else if (token[0] === ' ') {
          open = undefined;
        } else {
          if (!open) {
            open = { pieces: [], width: 0 };
            hardLines[hardLines.length - 1]!.push(open);
          }
          open.pieces.push({ text: token, bold: isBold });
          open.width += this.width(token, isBold, size);
        }
      }
    }
    return hardLines;
  }

  /** Breaks a unit wider than maxWidth, preferring the position after "-" or "/". */
  private splitUnit(unit: Unit, maxWidth: number, size: number): Unit[] {
    const chars: Piece[] = [];
    for (const piece of unit.pieces) for (const ch of piece.text) chars.push({ text: ch, bold: piece.bold });
    const result: Unit[] = [];
    let start = 0;
    while (start < chars.length) {
      let width = 0;
      let end = start;
      let lastBreak = -1;
      while (end < chars.length) {
        const ch = chars[end]!;
        const w = this.width(ch.text, ch.bold, size);
        if (width + w > maxWidth && end > start) break;
        width += w;
        end++;
        if ((ch.text === '-' || ch.text === '/') && end < chars.length) lastBreak = end;
      }
      if (end < chars.length && lastBreak > start) end = lastBreak;
      const pieces: Piece[] = [];
      for (let i = start; i < end; i++) {
        const ch = chars[i]!;
        const last = pieces[pieces.length - 1];
        if (last && last.bold === ch.bold) last.text += ch.text;
        else pieces.push({ text: ch.text, bold: ch.bold });
      }
      result.push({ pieces, width: pieces.reduce((sum, p) => sum + this.width(p.text, p.bold, size), 0) });
      start = end;
    }
    return result;
  }

  /** Word wrap: greedy, one width lookup per word. */
  private wrap(content: Inline, maxWidth: number, size: number): Line[] {
    const lines: Line[] = [];
    for (const hardLine of this.toUnits(content, size)) {
      let segments: Segment[] = [];
      let width = 0;
      let lastBold = false;
      const flush = (): void => {
        lines.push({ segments, width });
        segments = [];
        width = 0;
      };
      const units = hardLine.flatMap((u) => (u.width > maxWidth ? this.splitUnit(u, maxWidth, size) : [u]));
      for (const unit of units) {
        if (segments.length > 0) {
          const space = this.width(' ', lastBold, size);
          if (width + space + unit.width > maxWidth + 0.01) flush();
          else {
            segments[segments.length - 1]!.text += ' ';
            width += space;
          }
        }
        for (const piece of unit.pieces) {
          const last = segments[segments.length - 1];
          if (last && last.bold === piece.bold) last.text += piece.text;
          else segments.push({ text: piece.text, bold: piece.bold, x: width });
          width += this.width(piece.text, piece.bold, size);
          lastBold = piece.bold;
        }
      }
      flush();
    }
    // Trailing spaces are only ever added between units, so segments end in text.
    return lines;
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  private drawLine(line: Line, x: number, baseline: number, size: number, color: RGB = BLACK, page = this.page): void {
    this.showText(
      page,
      line.segments.map((seg) => ({ text: seg.text, x: x + seg.x, font: seg.bold ? this.boldFont : this.regular })),
      baseline,
      size,
      color,
    );
  }

  /** Text runs on one baseline in one text object. */
  private showText(page: PDFPage, runs: { text: string; x: number; font: PDFFont }[], baseline: number, size: number, color: RGB): void {
    this.contentOf(page).text(
      runs.map((run) => ({ hex: this.encoderOf(run.font)(run.text), x: run.x, font: this.fontKey(page, run.font) })),
      baseline,
      size,
      color,
    );
  }

  private contentOf(page: PDFPage): PageContent {
    return this.contents.get(page)!;
  }

  private encoderOf(font: PDFFont): (text: string) => string {
    let encoder = this.encoders.get(font);
    if (!encoder) {
      encoder = subsetTextEncoder(font);
      this.encoders.set(font, encoder);
    }
    return encoder;
  }

  /** The name under which the page's resources know the font (one entry per page and font). */
  private fontKey(page: PDFPage, font: PDFFont): string {
    let keys = this.fontKeys.get(page);
    if (!keys) {
      keys = new Map();
      this.fontKeys.set(page, keys);
    }
    let key = keys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref).asString();
      keys.set(font, key);
    }
    return key;
  }

  /** Baseline inside a line box of the given leading whose top is `top`. */
  /**
   * The address in the largest size from 10 pt down whose lines fit the field's six 12.5 pt
   * lines; a line is never dropped, since a notice must reach its addressee. At 6 pt the longest
   * name, street and city the forms accept fit.
   */
  private fitAddress(addressee: Addressee): { lines: Line[]; size: number; leading: number } {
    const height = 6 * 12.5;
    for (let size = BODY_SIZE; size >= 6; size -= 0.5) {
      const leading = size * 1.25;
      const lines = [
        ...this.wrap(addressee.name, ADDRESS_WIDTH, size),
        ...this.wrap(addressee.street, ADDRESS_WIDTH, size),
        ...this.wrap(`${addressee.postalCode} ${addressee.city}`, ADDRESS_WIDTH, size),
      ];
      if (lines.length * leading <= height + 0.01) return { lines, size, leading };
    }
    throw new Error('The address does not fit the address field');
  }

  private static baseline(top: number, size: number, leading: number): number {
    return top - (leading - size) / 2 - size * 0.8;
  }

  private drawRule(y: number, x1 = LEFT, x2 = RIGHT, thickness = 0.5, color: RGB = RULE, page = this.page): void {
    this.contentOf(page).line({ x: x1, y }, { x: x2, y }, thickness, color);
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(page);
    this.contents.set(page, new PageContent());
    this.page = page;
    return page;
  }

  private firstPage(logo: PDFImage | undefined): void {
    const { authority, addressee, info, subject } = this.options;
    const page = this.addPage();

    // Letterhead: the logo at the top right, scaled into its box; the name keeps clear of it.
    let nameWidth = CONTENT_WIDTH;
    if (logo) {
      const scale = Math.min(LOGO_MAX_WIDTH / logo.width, LOGO_MAX_HEIGHT / logo.height);
      const width = logo.width * scale;
      const height = logo.height * scale;
      const name = page.node.newXObject('Image', logo.ref).asString();
      this.contentOf(page).image(name, { x: RIGHT - width, y: fromTop(LOGO_TOP_MM) - height, width, height });
      nameWidth = CONTENT_WIDTH - width - 6 * MM;
    }
    this.drawText(authority.name, LEFT, fromTop(18), 16, true, BLACK, nameWidth);
    this.drawText(authority.department, LEFT, fromTop(24.5), 11, false, GREY, nameWidth);
    this.drawRule(fromTop(30));

    // Fold marks (105 mm, 210 mm) and hole mark (148.5 mm)
    for (const [mm, length] of [[105, 5], [148.5, 7], [210, 5]] as const) {
      this.contentOf(page).line({ x: 3 * MM, y: fromTop(mm) }, { x: (3 + length) * MM, y: fromTop(mm) }, 0.4, RULE);
    }

    // Return line at the bottom of the 17.7 mm zone above the address (45 mm – 62.7 mm)
    const returnLine = [authority.name, authority.department, `${authority.mailPostalCode ?? authority.postalCode} ${authority.city}`].join(' · ');
    let returnSize = 7;
    while (returnSize > 5 && this.width(returnLine, false, returnSize) > ADDRESS_WIDTH) returnSize -= 0.25;
    const returnLines = this.wrap(returnLine, ADDRESS_WIDTH, returnSize);
    let returnBaseline = fromTop(61) + (returnLines.length - 1) * (returnSize + 1.5);
    for (const line of returnLines) {
      this.drawLine(line, LEFT, returnBaseline, returnSize, GREY);
      returnBaseline -= returnSize + 1.5;
    }
    this.drawRule(fromTop(62), LEFT, LEFT + ADDRESS_WIDTH, 0.4);

    // Address field (62.7 mm – 90 mm): all of the address, in a smaller size if it needs more than six lines
    const field = this.fitAddress(addressee);
    let top = fromTop(65);
    for (const line of field.lines) {
      this.drawLine(line, LEFT, Letter.baseline(top, field.size, field.leading), field.size);
      top -= field.leading;
    }

    // Information block (from 50 mm, right column)
    top = fromTop(50);
    for (const row of info) {
      this.drawText(row.label, INFO_LEFT, Letter.baseline(top, 7.5, 10), 7.5, false, GREY, INFO_WIDTH);
      top -= 10;
      for (const line of this.wrap(row.value, INFO_WIDTH, SMALL_SIZE)) {
        this.drawLine(line, INFO_LEFT, Letter.baseline(top, SMALL_SIZE, SMALL_LEADING), SMALL_SIZE);
        top -= SMALL_LEADING;
      }
      top -= 3;
    }

    // Subject (bold), two blank lines below the address field or the information block
    this.y = Math.min(fromTop(98.5), top - 8 * MM);
    this.pageTop = this.y;
    for (const line of this.wrap([bold(subject)], CONTENT_WIDTH, 11)) {
      this.drawLine(line, LEFT, Letter.baseline(this.y, 11, 15), 11);
      this.y -= 15;
    }
    this.y -= 2 * BODY_LEADING;
    this.contentTop = this.y;
  }

  /** One line of text, shrunk to fit maxWidth (letterhead, labels, headers). */
  private drawText(text: string, x: number, baseline: number, size: number, isBold: boolean, color: RGB, maxWidth: number, page = this.page): void {
    let s = size;
    while (s > 5 && this.width(text, isBold, s) > maxWidth) s -= 0.25;
    this.showText(page, [{ text, x, font: isBold ? this.boldFont : this.regular }], baseline, s, color);
  }

  private newPage(): void {
    const page = this.addPage();
    const { authority, runningHeader } = this.options;
    const baseline = fromTop(12);
    const right = runningHeader;
    const rightWidth = Math.min(this.width(right, false, 7.5), CONTENT_WIDTH / 2);
    this.drawText(`${authority.name} · ${authority.department}`, LEFT, baseline, 7.5, false, GREY, CONTENT_WIDTH - rightWidth - 12, page);
    this.drawText(right, RIGHT - rightWidth, baseline, 7.5, false, GREY, rightWidth, page);
    this.drawRule(fromTop(14), LEFT, RIGHT, 0.4, RULE, page);
    this.y = CONTINUATION_TOP;
    this.pageTop = this.y;
    this.bottom = CONTENT_BOTTOM;
  }

  private available(narrow = false): number {
    return this.y - (narrow ? CONTENT_BOTTOM : this.bottom);
  }

  /** Starts a new page unless `height` points still fit on this one (for narrow content: beside the verification block). */
  keepTogether(height: number, opts: { narrow?: boolean } = {}): void {
    if (height > this.available(opts.narrow) && this.y < this.pageTop) this.newPage();
  }

  space(points: number): void {
    this.y = Math.max(this.y - points, CONTENT_BOTTOM);
  }

  /** Lines a paragraph of `content` takes (at the given size, narrow or full width). */
  lineCount(content: Inline, opts: { size?: number; narrow?: boolean } = {}): number {
    return this.wrap(content, opts.narrow ? NARROW_WIDTH : CONTENT_WIDTH, opts.size ?? BODY_SIZE).length;
  }

  /**
   * Verification mark at the bottom right of page 1, just above the footer: the QR code of the
   * URL (with its quiet zone kept free) and, to its left, "Echtheit prüfen:", the code and the
   * URL. Page 1's content ends above it. Call once, right after create(), before any content.
   * Continuation pages show the code in the footer.
   */
  verificationBlock(verification: Verification): void {
    if (this.verification || this.pages.length !== 1 || this.y !== this.contentTop) {
      throw new Error('Letter: the verification block goes on the first page, once, before any content');
    }
    this.verification = verification;
    const page = this.pages[0]!;
    const qr = qrModuleRuns(verification.url);
    const quiet = QUIET_ZONE_MODULES * (QR_SIZE / qr.size);
    const qrX = RIGHT - QR_SIZE;
    const qrY = FOOTER_RULE_Y + Math.max(quiet, 3 * MM);
    drawQrCode(this.contentOf(page), qr, { x: qrX, y: qrY, size: QR_SIZE });

    // Text column: from the information block's left edge to the QR code's quiet zone. It starts
    // level with the top of the QR code; a very long URL makes it taller, and then it ends level
    // with the bottom of the QR code.
    const x = INFO_LEFT;
    const width = qrX - Math.max(quiet, 3 * MM) - x;
    const hintText = 'QR-Code scannen oder Code eingeben unter';
    let size = 7;
    let hint = this.wrap(hintText, width, size);
    let url = this.wrap(verification.url, width, size);
    const leading = (s: number): number => Math.round(s * 1.25 * 10) / 10;
    const headHeight = 10 + 13 + 2;
    while (size > 6 && headHeight + (hint.length + url.length) * leading(size) > QR_SIZE + 1) {
      size -= 0.5;
      hint = this.wrap(hintText, width, size);
      url = this.wrap(verification.url, width, size);
    }
    const textHeight = headHeight + (hint.length + url.length) * leading(size);
    const textTop = Math.max(qrY + QR_SIZE + 1, qrY + textHeight);
    let top = textTop;
    this.drawText('Echtheit prüfen:', x, Letter.baseline(top, 8, 10), 8, true, BLACK, width, page);
    top -= 10;
    this.drawText(verification.code, x, Letter.baseline(top, 10, 13), 10, true, BLACK, width, page);
    top -= 13 + 2;
    for (const [lines, color] of [[hint, GREY], [url, BLACK]] as const) {
      for (const line of lines) {
        this.drawLine(line, x, Letter.baseline(top, size, leading(size)), size, color, page);
        top -= leading(size);
      }
    }
    this.bottom = Math.max(qrY + QR_SIZE + Math.max(quiet, 3 * MM), textTop) + 2 * MM;
  }

  /**
   * Draws a row of cells, splitting it across pages between lines when needed. A chunk keeps at
   * least `minChunk` lines together (no orphans or widows); a `keepWhole` row that fits on a
   * fresh page is never split.
   */
  private drawRow(cells: Cell[], style: RowStyle, onNewPage?: () => void): void {
    const total = Math.max(1, ...cells.map((c) => c.lines.length));
    let index = 0;
    let fresh = this.y >= this.pageTop;
    const breakPage = (): void => {
      this.newPage();
      onNewPage?.();
      fresh = true;
    };
    while (index < total) {
      const remaining = total - index;
      let fit = Math.floor((this.available(style.narrow) - 2 * style.padY) / style.leading);
      if (!fresh) {
        const freshCapacity = Math.floor((CONTINUATION_TOP - CONTENT_BOTTOM - 2 * style.padY) / style.leading) - 3;
        if (fit < Math.min(remaining, style.minChunk) || (style.keepWhole && fit < remaining && remaining <= freshCapacity)) {
          breakPage();
          continue;
        }
      }
      fit = Math.max(1, Math.min(fit, remaining));
      if (fit < remaining && remaining - fit < style.minChunk && remaining - style.minChunk >= style.minChunk) {
        fit = remaining - style.minChunk;
      }
      const height = fit * style.leading + 2 * style.padY;
      if (style.fill) {
        this.contentOf(this.page).rectangles([{ x: LEFT, y: this.y - height, width: CONTENT_WIDTH, height }], style.fill);
      }
      if (style.ruleAbove) this.drawRule(this.y, LEFT, RIGHT, style.ruleAbove.thickness, style.ruleAbove.color);
      let top = this.y - style.padY;
      for (let i = index; i < index + fit; i++) {
        const baseline = Letter.baseline(top, style.size, style.leading);
        for (const cell of cells) {
          const line = cell.lines[i];
          if (!line) continue;
          const x = cell.align === 'right' ? cell.x + cell.width - line.width : cell.x;
          this.drawLine(line, x, baseline, style.size, style.color);
        }
        top -= style.leading;
      }
      this.y -= height;
      if (style.ruleBelow) this.drawRule(this.y, LEFT, RIGHT, style.ruleBelow.thickness, style.ruleBelow.color);
      index += fit;
      fresh = false;
      if (index < total) breakPage();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Content blocks

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 11 : BODY_SIZE;
    const leading = level === 1 ? 15 : BODY_LEADING;
    const lines = this.wrap([bold(text)], CONTENT_WIDTH, size);
    this.space(level === 1 ? 8 : 4);
    // Keep the heading with at least two lines of what follows.
    this.keepTogether(lines.length * leading + 2 * BODY_LEADING + 4);
    this.drawRow([{ lines, x: LEFT, width: CONTENT_WIDTH, align: 'left' }], { size, leading, padY: 0, minChunk: 1, keepWhole: true });
    this.space(3);
  }

  /**
   * `narrow`: on a page with the verification block, wrapped at NARROW_WIDTH so that it may go
   * down beside the block; elsewhere full width.
   */
  paragraph(content: Inline, opts: { size?: number; spaceAfter?: number; indent?: number; color?: RGB; narrow?: boolean } = {}): void {
    const size = opts.size ?? BODY_SIZE;
    const leading = size === BODY_SIZE ? BODY_LEADING : Math.round(size * 1.35 * 10) / 10;
    const indent = opts.indent ?? 0;
    const narrow = opts.narrow === true && this.bottom > CONTENT_BOTTOM;
    const width = (narrow ? NARROW_WIDTH : CONTENT_WIDTH) - indent;
    const lines = this.wrap(content, width, size);
    this.drawRow([{ lines, x: LEFT + indent, width, align: 'left' }], {
      size,
      leading,
      padY: 0,
      minChunk: 2,
      color: opts.color,
      narrow,
    });
    this.space(opts.spaceAfter ?? 6);
  }

  /**
   * Text with blank lines between paragraphs, e.g. a message or rationale from the model or a
   * text of the authority; lines that start with "- " are set as a list.
   */
  paragraphs(text: string): void {
    for (const p of splitParagraphs(text)) {
      let prose: string[] = [];
      let items: string[] = [];
      const flush = (): void => {
        if (prose.length > 0) this.paragraph(prose.join('\n'));
        if (items.length > 0) this.bullets(items);
        prose = [];
        items = [];
      };
      for (const line of p.split('\n')) {
        const item = /^\s*[-–•]\s+(.*)$/.exec(line);
        if (item) {
          if (prose.length > 0) flush();
          items.push(item[1]!);
        } else {
          if (items.length > 0) flush();
          prose.push(line);
        }
      }
      flush();
    }
  }

  bullets(items: Inline[]): void {
    const indent = 14;
    for (const item of items) {
      const lines = this.wrap(item, CONTENT_WIDTH - indent, BODY_SIZE);
      this.drawRow(
        [
          { lines: this.wrap('•', indent, BODY_SIZE), x: LEFT + 3, width: indent, align: 'left' },
          { lines, x: LEFT + indent, width: CONTENT_WIDTH - indent, align: 'left' },
        ],
        { size: BODY_SIZE, leading: BODY_LEADING, padY: 0, minChunk: 2 },
      );
      this.space(3);
    }
    this.space(3);
  }

  /** Label–value rows, e.g. "Bewilligungszeitraum: 01.01.2027 bis 31.12.2027". */
  keyValues(rows: Array<[string, Inline]>, labelWidth = 150): void {
    const gap = 10;
    for (const [label, value] of rows) {
      this.drawRow(
        [
          { lines: this.wrap(label, labelWidth - gap, BODY_SIZE), x: LEFT, width: labelWidth - gap, align: 'left' },
          { lines: this.wrap(value, CONTENT_WIDTH - labelWidth, BODY_SIZE), x: LEFT + labelWidth, width: CONTENT_WIDTH - labelWidth, align: 'left' },
        ],
        { size: BODY_SIZE, leading: BODY_LEADING, padY: 1.5, minChunk: 2 },
      );
    }
    this.space(6);
  }

  /** A table with a shaded header row (repeated after page breaks) and an optional bold total row. */
  table(spec: TableSpec): void {
    const padX = 4;
    const fixed = spec.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
    const flexible = spec.columns.filter((c) => c.width === undefined).length;
    const flexWidth = flexible > 0 ? (CONTENT_WIDTH - fixed) / flexible : 0;
    const geometry: Array<{ x: number; width: number; align: 'left' | 'right' }> = [];
    let x = LEFT;
    for (const column of spec.columns) {
      const width = column.width ?? flexWidth;
      geometry.push({ x: x + padX, width: width - 2 * padX, align: column.align ?? 'left' });
      x += width;
    }
    const size = SMALL_SIZE;
    const leading = SMALL_LEADING;
    const cells = (values: string[], isBold: boolean): Cell[] =>
      geometry.map((g, i) => ({ ...g, lines: this.wrap(isBold ? [bold(values[i] ?? '')] : (values[i] ?? ''), g.width, size) }));

    const header = cells(
      spec.columns.map((c) => c.header),
      true,
    );
    const drawHeader = (): void => {
      this.drawRow(header, { size, leading, padY: 3, fill: FILL, minChunk: 1, keepWhole: true, ruleBelow: { thickness: 0.6, color: GREY } });
    };
    // The header stays with the first row.
    this.keepTogether(header.reduce((m, c) => Math.max(m, c.lines.length), 1) * leading + 6 + 2 * leading + 6);
    drawHeader();
    for (const row of spec.rows) {
      this.drawRow(cells(row, false), { size, leading, padY: 3, minChunk: 2, keepWhole: true, ruleBelow: { thickness: 0.3, color: RULE } }, drawHeader);
    }
    if (spec.total) {
      const totalCells = cells(spec.total, true);
      this.drawRow(totalCells, { size, leading, padY: 3, minChunk: 1, keepWhole: true, ruleAbove: { thickness: 0.9, color: BLACK }, ruleBelow: { thickness: 0.9, color: BLACK } }, drawHeader);
    }
    this.space(10);
  }

  // -------------------------------------------------------------------------------------------

  private drawFooters(): void {
    const { authority } = this.options;
    const size = 7;
    const leading = 9;
    // Continuation pages show the verification code below the page number.
    const codeLabel = this.verification ? `Prüfcode ${this.verification.code}` : undefined;
    const codeWidth = codeLabel ? Math.min(this.width(codeLabel, false, size), CONTENT_WIDTH / 3) : 0;
    const numberWidth = Math.max(70, codeWidth + 12);
    const address = [
      `${authority.name} · ${authority.department} · ${authority.street} · ${authority.postalCode} ${authority.city}`,
      [`Telefon ${authority.phone}`, `E-Mail ${authority.email}`, authority.website].filter(Boolean).join(' · '),
    ].join('\n');
    const lines = this.wrap(address, CONTENT_WIDTH - numberWidth, size);
    const count = this.pages.length;
    this.pages.forEach((page, index) => {
      this.drawRule(FOOTER_RULE_Y, LEFT, RIGHT, 0.4, RULE, page);
      let top = FOOTER_RULE_Y - 4;
      for (const line of lines.slice(0, 3)) {
        this.drawLine(line, LEFT, Letter.baseline(top, size, leading), size, GREY, page);
        top -= leading;
      }
      const label = `Seite ${index + 1} von ${count}`;
      const w = this.width(label, false, 8);
      this.showText(page, [{ text: label, x: RIGHT - w, font: this.regular }], Letter.baseline(FOOTER_RULE_Y - 4, 8, leading), 8, BLACK);
      if (codeLabel && index > 0) {
        this.drawText(codeLabel, RIGHT - codeWidth, Letter.baseline(FOOTER_RULE_Y - 4 - leading, size, leading), size, false, GREY, codeWidth, page);
      }
    });
  }

  /** Draws the footers ("Seite x von y") and returns the PDF bytes. */
  async save(): Promise<Uint8Array> {
    this.drawFooters();
    const { context } = this.doc;
    for (const page of this.pages) {
      page.node.addContentStream(context.register(context.flateStream(this.contentOf(page).toString())));
    }
    return this.doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  }
}

/** Six capital letters derived from the fingerprint. */
function subsetTag(fingerprint: string, offset: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++) {
    const byte = parseInt(fingerprint.slice((offset + i) * 2, (offset + i) * 2 + 2), 16);
    tag += String.fromCharCode(65 + (byte % 26));
  }
  return tag;
}
