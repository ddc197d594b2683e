import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';

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
 * fontkit for pdf-lib that parses each font once per process. pdf-lib calls `fontkit.create(bytes)`
 * for every embedFont; the parsed font is read-only for layout and subsetting (each document gets
 * its own subset object), so sharing it skips the parse and reuses fontkit's glyph caches.
 */
type ParsedFont = ReturnType<typeof fontkit.create>;
const parsed = new WeakMap<Uint8Array, ParsedFont>();

export const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string): ParsedFont {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsed.set(data, font);
    }
    return font;
  },
};
