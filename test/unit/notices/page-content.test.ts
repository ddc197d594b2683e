import { rgb } from 'pdf-lib';
import { PageContent, pdfNumber } from '../../../src/notices/page-content';

describe('a page content stream written as text', () => {
  it('when numbers are written, then to a thousandth of a point, without exponent or negative zero', () => {
    expect(pdfNumber(70.86614173228347)).toBe('70.866');
    expect(pdfNumber(841.89)).toBe('841.89');
    expect(pdfNumber(12)).toBe('12');
    expect(pdfNumber(1e-7)).toBe('0');
    expect(pdfNumber(-0.0001)).toBe('0');
    expect(pdfNumber(-2.5)).toBe('-2.5');
    expect(pdfNumber(0.35)).toBe('0.35');
  });

  it('when text runs share a baseline, then they are one text object that names a font only when it changes', () => {
    const content = new PageContent();
    content.text(
      [
        { hex: '0041', x: 70.866, font: '/F1' },
        { hex: '0042', x: 100.5, font: '/F1' },
        { hex: '0043', x: 120, font: '/F2' },
      ],
      700.12345,
      10,
      rgb(0.35, 0.35, 0.35),
    );
    expect(content.toString()).toBe(
      'q BT 0.35 0.35 0.35 rg\n/F1 10 Tf\n1 0 0 1 70.866 700.123 Tm <0041> Tj\n1 0 0 1 100.5 700.123 Tm <0042> Tj\n/F2 10 Tf\n1 0 0 1 120 700.123 Tm <0043> Tj\nET Q\n',
    );
  });

  it('when lines, rectangles and an image are drawn, then each keeps its own graphics state, in drawing order', () => {
    const content = new PageContent();
    content.rectangles([{ x: 1, y: 2, width: 3, height: 4 }, { x: 5, y: 6, width: 7, height: 8 }], rgb(0, 0, 0));
    content.line({ x: 10, y: 20 }, { x: 30, y: 20 }, 0.4, rgb(0.6, 0.6, 0.6));
    content.image('/Image-1', { x: 400, y: 780, width: 141.73, height: 53.86 });
    content.text([], 0, 10, rgb(0, 0, 0));
    expect(content.toString()).toBe(
      'q 0 0 0 rg\n1 2 3 4 re\n5 6 7 8 re\nf Q\n' +
        'q 0.6 0.6 0.6 RG 0.4 w 10 20 m 30 20 l S Q\n' +
        'q 141.73 0 0 53.86 400 780 cm /Image-1 Do Q\n',
    );
  });
});
