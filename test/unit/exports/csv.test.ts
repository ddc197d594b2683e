import { csvField, csvHeader, csvLine } from '../../../src/exports/csv';
import { parseCsv } from '../../support/exports';
import type { ExportColumn } from '../../../src/exports/table';

describe('CSV fields', () => {
  it('when money is written, then it has a decimal comma, two places and no thousands separator', () => {
    expect(csvField('money', 1050000)).toBe('10500,00');
    expect(csvField('money', 5)).toBe('0,05');
    expect(csvField('money', -12345)).toBe('-123,45');
  });

  it('when dates are written, then they read TT.MM.JJJJ, a moment as its day and time in Berlin', () => {
    expect(csvField('date', '2027-01-31')).toBe('31.01.2027');
    // 23:30 UTC on 31 December is already New Year in Berlin.
    expect(csvField('date', new Date('2026-12-31T23:30:00Z'))).toBe('01.01.2027');
    expect(csvField('dateTime', new Date('2026-07-01T10:05:00Z'))).toBe('01.07.2026 12:05');
  });

  it('when a field holds a separator, a quote or a line break, then it is quoted with doubled quotes', () => {
    expect(csvField('text', 'Café; Treff')).toBe('"Café; Treff"');
    expect(csvField('text', 'Der „Treff“ "Mitte"')).toBe('"Der „Treff“ ""Mitte"""');
    expect(csvField('text', 'zwei\nZeilen')).toBe('"zwei\nZeilen"');
  });

  it('when text starts like a formula, then an apostrophe keeps a spreadsheet from running it', () => {
    expect(csvField('text', '=HYPERLINK("http://böse.example")')).toBe('"\'=HYPERLINK(""http://böse.example"")"');
    expect(csvField('text', '+49 361')).toBe("'+49 361");
    expect(csvField('text', '@Treff')).toBe("'@Treff");
  });

  it('when numbers and percentages are written, then they use the German decimal comma', () => {
    expect(csvField('integer', 1234)).toBe('1234');
    expect(csvField('decimal', 12.5)).toBe('12,50');
    expect(csvField('percent', 0.256)).toBe('25,6 %');
    expect(csvField('money', null)).toBe('');
  });

  it('when a header and a line are parsed back, then every value comes back in its column', () => {
    const columns: ExportColumn<{ a: string; b: number }>[] = [
      { header: 'Titel; lang', type: 'text', value: (r) => r.a },
      { header: 'Betrag', type: 'money', value: (r) => r.b },
    ];
    const text = csvHeader(columns) + csvLine(columns, { a: 'Ein "Treff"; mit Umlauten äöü', b: 123456 });
    expect(parseCsv(text)).toEqual([
      ['Titel; lang', 'Betrag'],
      ['Ein "Treff"; mit Umlauten äöü', '1234,56'],
    ]);
  });
});
