import { PDFDocument } from 'pdf-lib';
import { cachingFontkit, noticeFontBytes, SUBSET_BASE_TEXT } from '../../../src/notices/fonts';
import { subsetTextEncoder } from '../../../src/notices/text-encoder';

async function subsetFont() {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const font = await doc.embedFont(noticeFontBytes().regular, { subset: true });
  font.encodeText(SUBSET_BASE_TEXT);
  return font;
}

describe('encoding text in a subset font', () => {
  const texts = ['Zuwendungsbescheid vom 01.01.2027', 'Łódź-Brücke e.V. – Ayşe Yılmaz', 'Größe: 10.500,00 €', 'ǅ Ω ∑ fi fl', 'Zuwendungsbescheid Ω'];

  it('when runs use known and new glyphs, then the codes equal pdf-lib’s, run by run', async () => {
    const reference = await subsetFont();
    const fast = await subsetFont();
    const encode = subsetTextEncoder(fast);
    for (const text of texts) expect(encode(text)).toBe(reference.encodeText(text).asString());
  });

  it('when a run brings a glyph the subset lacks, then the glyph is added to the subset', async () => {
    const font = await subsetFont();
    const encode = subsetTextEncoder(font);
    const glyphIds = (font as unknown as { embedder: { glyphIdMap: Map<number, number> } }).embedder.glyphIdMap;
    const before = glyphIds.size;
    encode('∑');
    expect(glyphIds.size).toBe(before + 1);
    encode('∑∑');
    expect(glyphIds.size).toBe(before + 1);
  });
});
