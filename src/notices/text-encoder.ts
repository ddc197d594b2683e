import type { PDFFont } from 'pdf-lib';

/** The parts of pdf-lib's subset font embedder that encoding reads. */
interface SubsetEmbedder {
  font: { layout(text: string, features?: unknown): { glyphs: { id: number }[] } };
  fontFeatures: unknown;
  glyphIdMap: Map<number, number>;
}

/**
 * Encodes text in a subset font as pdf-lib's encodeText does, faster for glyphs already in the
 * subset. pdf-lib adds every glyph of every run to the subset again and formats its number anew;
 * a notice shows thousands of glyphs from a few dozen distinct ones. A run with a glyph not yet in
 * the subset goes to pdf-lib, which adds it. The codes are pdf-lib's, as the hexadecimal digits
 * of a content stream's <…> string.
 */
export function subsetTextEncoder(font: PDFFont): (text: string) => string {
  const embedder = font['embedder'] as unknown as SubsetEmbedder;
  const hexOfGlyph = new Map<number, string>();
  return (text) => {
    const { glyphs } = embedder.font.layout(text, embedder.fontFeatures);
    let hex = '';
    for (const glyph of glyphs) {
      let code = hexOfGlyph.get(glyph.id);
      if (code === undefined) {
        const subsetId = embedder.glyphIdMap.get(glyph.id);
        if (subsetId === undefined) return font.encodeText(text).asString();
        code = subsetId.toString(16).padStart(4, '0').toUpperCase();
        hexOfGlyph.set(glyph.id, code);
      }
      hex += code;
    }
    return hex;
  };
}
