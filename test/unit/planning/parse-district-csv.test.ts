import { parseDistrictCsv, parseGermanDecimal, parseGermanInteger } from '../../../src/planning/districts/parse-district-csv';

describe('parseDistrictCsv', () => {
  it('when a spreadsheet exports German CSV with a BOM, CRLF and quoted fields, then every row is read with its numbers', () => {
    const text = '\uFEFFOrtsteil;Planungsraum;Jahr;Sozialindex;Einwohner\r\nRieth;Nord;2027;78,25;6.400\r\n"Bischleben-Stedten";"Süd";2027;21,3;2500\r\n\r\n';
    expect(parseDistrictCsv(text)).toEqual({
      rows: [
        { line: 2, name: 'Rieth', planningArea: 'Nord', year: 2027, socialIndex: 78.25, inhabitants: 6400 },
        { line: 3, name: 'Bischleben-Stedten', planningArea: 'Süd', year: 2027, socialIndex: 21.3, inhabitants: 2500 },
      ],
      errors: [],
    });
  });

  it('when the columns come in another order, then the header decides which is which', () => {
    const { rows } = parseDistrictCsv('Jahr;Einwohner;Sozialindex;Planungsraum;Ortsteil\n2026;1.234;40;Ost;Urbich\n');
    expect(rows).toEqual([{ line: 2, name: 'Urbich', planningArea: 'Ost', year: 2026, socialIndex: 40, inhabitants: 1234 }]);
  });

  it('when a field holds a semicolon inside quotes, then it stays one field', () => {
    const { rows } = parseDistrictCsv('Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner\n"Ost; Kernbereich";Ost;2026;40;100\n');
    expect(rows[0]!.name).toBe('Ost; Kernbereich');
  });

  it('when a quoted field holds a line break, then it stays one field and later lines keep their numbers', () => {
    const result = parseDistrictCsv('Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner\n"Rieth\nNord";Nord;2027;78,25;6400\nAltstadt;Mitte;2027;viel;20400\n');
    expect(result.errors).toEqual(['Zeile 4: „viel“ ist kein Sozialindex (Zahl mit Dezimalkomma, z. B. 61,25).']);
  });

  it('when a quote is never closed, then the import names the problem instead of reading on', () => {
    const result = parseDistrictCsv('Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner\nRieth;Nord;2027;78,25;6400\n"Altstadt;Mitte;2027;40,5;20400\n');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([expect.stringMatching(/^Zeile \d+: Ein Feld in Anführungszeichen ist nicht geschlossen\.$/)]);
  });

  it('when rows are wrong, then every bad row is named by line and no row is returned as good', () => {
    const text = [
      'Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner',
      'Rieth;Nord;2027;78.25;6400',
      ';Nord;27;hoch;sechs',
      'Altstadt;Innenstadt;2027;38,5',
      'Rieth;Nord;2027;78,25;6400',
      'rieth;Nord;2027;78,25;6400',
    ].join('\n');
    const { errors } = parseDistrictCsv(text);
    expect(errors).toEqual([
      'Zeile 2: „78.25“ ist kein Sozialindex (Zahl mit Dezimalkomma, z. B. 61,25).',
      'Zeile 3: Der Name des Ortsteils fehlt.',
      'Zeile 3: „27“ ist kein Jahr (z. B. 2027).',
      'Zeile 3: „hoch“ ist kein Sozialindex (Zahl mit Dezimalkomma, z. B. 61,25).',
      'Zeile 3: „sechs“ ist keine Einwohnerzahl (ganze Zahl bis 10.000.000, z. B. 6400 oder 6.400).',
      'Zeile 4: erwartet werden 5 Spalten, gefunden 4.',
      'Zeile 6: Ortsteil rieth und Jahr 2027 stehen schon in Zeile 5.',
    ]);
  });

  it('when the header lacks a column or the file is empty, then one clear message says so', () => {
    expect(parseDistrictCsv('Ortsteil,Planungsraum,Jahr,Sozialindex,Einwohner\nRieth,Nord,2027,78,6400').errors).toEqual([
      'Die Kopfzeile muss die Spalten Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner enthalten (Trennzeichen Semikolon). Gefunden: Ortsteil,Planungsraum,Jahr,Sozialindex,Einwohner.',
    ]);
    expect(parseDistrictCsv('').errors).toEqual(['Die Datei enthält keine Datenzeilen.']);
    expect(parseDistrictCsv('Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner\n\n').errors).toEqual(['Die Datei enthält keine Datenzeilen.']);
  });
});

describe('German numbers', () => {
  it('when numbers are written the German way, then they are read; English or ambiguous forms are refused', () => {
    expect([parseGermanDecimal('61,25'), parseGermanDecimal('1.234,5'), parseGermanDecimal('40'), parseGermanDecimal('61.25'), parseGermanDecimal('6,125')]).toEqual([61.25, 1234.5, 40, null, null]);
    expect([parseGermanInteger('6.400'), parseGermanInteger('6400'), parseGermanInteger('6,4'), parseGermanInteger('64.00')]).toEqual([6400, 6400, null, null]);
  });
});
