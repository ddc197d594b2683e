import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as fontkit from '@pdf-lib/fontkit';
import { shareCompression } from './native-deflate';

/**
 * DejaVu Sans (regular and bold) from the dejavu-fonts-ttf package. The bytes are read once per
 * process; DejaVu covers German, Polish, Turkish, Cyrillic and the no-break space.
 */
export interface NoticeFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

let cached: NoticeFontBytes | undefined;

export function noticeFontBytes(): NoticeFontBytes {
  if (!cached) {
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: new Uint8Array(readFileSync(path.join(dir, 'DejaVuSans.ttf'))),
      bold: new Uint8Array(readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf'))),
    };
  }
  return cached;
}

/**
 * fontkit for pdf-lib that parses each font once per process and caches text shaping per word.
 *
 * pdf-lib calls `fontkit.create(bytes)` for every embedFont, and `font.layout(text)` (OpenType
 * shaping, the main cost of a render) on every widthOfTextAtSize and drawText. The parsed font is
 * read-only for layout and subsetting (each document gets its own subset), so it is shared; and
 * `layout` of a line is assembled from cached per-word runs. pdf-lib only reads the glyphs of a
 * run (it ignores kerning positions), and shaping never crosses a space in Latin, Greek or
 * Cyrillic text. Text with right-to-left characters is shaped as a whole, uncached.
 */
type ParsedFont = ReturnType<typeof fontkit.create>;
type GlyphRun = ReturnType<ParsedFont['layout']>;
type FontSubset = ReturnType<ParsedFont['createSubset']> & { glyphs: number[] };

const parsed = new WeakMap<Uint8Array, ParsedFont>();
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const MAX_CACHED_WORDS = 50_000;

function withWordLayoutCache(font: ParsedFont): ParsedFont {
  const shape = font.layout.bind(font);
  const words = new Map<string, GlyphRun>();
  const layoutWord = (word: string): GlyphRun => {
    let run = words.get(word);
    if (!run) {
      if (words.size >= MAX_CACHED_WORDS) words.clear();
      run = shape(word);
      words.set(word, run);
    }
    return run;
  };
  font.layout = ((text: string, features?: unknown): GlyphRun => {
    if (features !== undefined || RTL.test(text)) return shape(text, features as never);
    if (!text.includes(' ')) return layoutWord(text);
    const glyphs: GlyphRun['glyphs'] = [];
    const positions: GlyphRun['positions'] = [];
    for (const part of text.split(/( )/)) {
      if (part === '') continue;
      const run = layoutWord(part);
      glyphs.push(...run.glyphs);
      positions.push(...run.positions);
    }
    return { glyphs, positions } as GlyphRun;
  }) as ParsedFont['layout'];
  return font;
}

/**
 * Encoding a subset (decoding and re-encoding every glyph and the hinting tables) is the largest
 * part of a render. The font program depends only on the glyph ids in inclusion order, and notices
 * start every subset with the same base characters (see Letter), so most notices share a program:
 * it is encoded once and reused, byte for byte what fontkit would produce.
 */
const MAX_CACHED_SUBSETS = 64;

/** The characters of German letters, each shaped alone (no ligatures), in a fixed order. */
export const SUBSET_BASE_TEXT = [
  ...Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)),
  ...'ÄÖÜäöüß€§„“‚‘–—…°²³½×·éèêáàçñ',
].join(' ');

function withSubsetCache(font: ParsedFont): ParsedFont {
  const createSubset = font.createSubset.bind(font);
  const programs = new Map<string, Uint8Array>();
  font.createSubset = () => {
    const subset = createSubset() as FontSubset;
    const encodeStream = subset.encodeStream.bind(subset);
    subset.encodeStream = () => {
      // Compound glyphs add their components while encoding, so the key is taken before.
      const key = subset.glyphs.join(',');
      const program = programs.get(key);
      if (program) return Readable.from([program]) as unknown as ReturnType<FontSubset['encodeStream']>;
      const parts: Uint8Array[] = [];
      const stream = encodeStream();
      stream.on('data', (part: Uint8Array) => parts.push(part));
      stream.on('end', () => {
        if (programs.size >= MAX_CACHED_SUBSETS) programs.delete(programs.keys().next().value as string);
        const encoded = Buffer.concat(parts);
        programs.set(key, encoded);
        shareCompression(encoded);
      });
      return stream;
    };
    return subset;
  };
  return font;
}

export const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string): ParsedFont {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) {
      font = withSubsetCache(withWordLayoutCache(fontkit.create(data)));
      parsed.set(data, font);
    }
    return font;
  },
};
