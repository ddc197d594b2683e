import { NoticeModelError, noticeTitle, renderNotice, type GrantModel, type NoticeModel } from '../../../src/notices/render';
import * as fx from './fixtures';
import { flat, pdfFonts, pdfInfo, pdfText, pdfWordBoxes, sha256 } from './pdf-tools';

async function render(model: NoticeModel): Promise<{ bytes: Uint8Array; text: string; flatText: string }> {
  const bytes = await renderNotice(model);
  const text = pdfText(bytes);
  return { bytes, text, flatText: flat(text) };
}

function expectParts(flatText: string, parts: string[]): void {
  const missing = parts.filter((p) => !flatText.includes(flat(p)));
  expect(missing).toEqual([]);
}

const letterFrame = [
  'Landeshauptstadt Erfurt',
  'Amt für Soziales',
  'Landeshauptstadt Erfurt · Amt für Soziales · 99111 Erfurt', // return line
  'Łódź-Brücke e.V.',
  'Straße der Einheit 7',
  '99085 Erfurt',
  'Aktenzeichen',
  '50.2-FRL-2027-0042',
  'Ayşe Yılmaz',
  'ayse.yilmaz@erfurt.de',
  'Juri-Gagarin-Ring 150 · 99084 Erfurt', // footer
  'Seite 1 von',
];

describe('notice rendering', () => {
  it('when a receipt is rendered, then reference, date received and the next steps are in the PDF', async () => {
    const { flatText } = await render(fx.receipt);
    expectParts(flatText, [
      ...letterFrame,
      'Eingangsbestätigung',
      'Eingegangen am 15.10.2026',
      'Nachbarschaftscafé Rieth – Begegnung für Jung und Alt',
      'Vollständigkeitsprüfung',
      'Fachliche Prüfung',
      'Entscheidung',
      'vorzeitigen Maßnahmebeginn',
      'Seite 1 von 1',
    ]);
    expect(flatText).not.toContain('Rechtsbehelfsbelehrung'); // not an administrative act
  });

  it('when a request for changes is rendered, then the message, deadline, consequence and way to respond are in the PDF', async () => {
    const { flatText } = await render(fx.requestForChanges);
    expectParts(flatText, [
      ...letterFrame,
      'Nachforderung von Unterlagen',
      'Aufschlüsselung der Honorarausgaben nach Stunden und Stundensätzen',
      'Freistellungsbescheid des Finanzamts',
      'Bitte klären Sie die Angabe.',
      'bis spätestens 01.01.2027',
      'nach Aktenlage',
      'oder der Antrag abgelehnt werden',
      'Förderportal Soziales',
    ]);
  });

  it('when a full grant is rendered, then every part a Zuwendungsbescheid must contain is in the PDF', async () => {
    const { flatText, bytes } = await render(fx.grant);
    expectParts(flatText, [
      ...letterFrame,
      'Zuwendungsbescheid',
      'Auf Ihren Antrag vom 15.10.2026 bewilligen wir Ihnen',
      'eine Zuwendung in Höhe von höchstens 10.500,00 € für das Projekt „Nachbarschaftscafé Rieth – Begegnung für Jung und Alt“',
      'Projektförderung',
      'Fehlbedarfsfinanzierung',
      'Bewilligungszeitraum',
      '01.01.2027 bis 31.12.2027',
      'Förderung von Begegnung und Nachbarschaftshilfe im Planungsraum Rieth',
      'Kosten- und Finanzierungsplan',
      'Kategorie',
      'Beschreibung',
      'Betrag',
      'Personalausgaben',
      '9.000,00 €',
      'Gesamtausgaben',
      '13.500,00 €',
      'Eigenmittel',
      'Drittmittel',
      'Gesamtfinanzierung',
      'Mittelabruf',
      'Verwendungsnachweis',
      'innerhalb von sechs Monaten nach Ablauf des Bewilligungszeitraums',
      'bis zum 30.06.2028',
      'Sachbericht',
      'zahlenmäßigen Nachweis',
      'fünf Jahre',
      'Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) (Fassung vom 01.01.2025)',
      'sind Bestandteil dieses Bescheids',
      'Besondere Nebenbestimmungen',
      'Die Zuwendung darf nicht für Bewirtung verwendet werden.',
      'im Rahmen der verfügbaren Haushaltsmittel',
      'Rechtsbehelfsbelehrung',
      'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.',
      'Der Widerspruch ist schriftlich oder zur Niederschrift bei der Landeshauptstadt Erfurt, Amt für Soziales, Juri-Gagarin-Ring 150, 99084 Erfurt einzulegen.',
      'Dr. Katharina Müller-Lüdenscheidt',
      'Amtsleiterin',
      'Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
    ]);
    expect(flatText).not.toContain('Begründung der teilweisen Ablehnung');
    const text = pdfText(bytes);
    // Information block: the label "Datum" with the issue date (Berlin day of 2026-12-31T23:30Z) below it.
    expect(text).toMatch(/Datum\n.*\b01\.01\.2027\n/);
    // The amount column is right-aligned: every "€" in the Betrag column ends at the same x.
    const boxes = pdfWordBoxes(bytes);
    const rowStarts = boxes.filter((w) =>
      ['Personalausgaben', 'Honorarausgaben', 'Sachausgaben', 'Miete', 'Gesamtausgaben', 'Eigenmittel', 'Drittmittel', 'Zuwendung', 'Gesamtfinanzierung'].includes(w.word) &&
      w.xMin < 80,
    );
    const euroEnds = rowStarts.map((start) => {
      const euro = boxes.filter((w) => w.page === start.page && Math.abs(w.yMin - start.yMin) < 1 && w.word === '€');
      return euro[euro.length - 1]!.xMax.toFixed(1);
    });
    expect(euroEnds.length).toBe(9); // 4 items + total, 3 financing rows + total
    expect(new Set(euroEnds).size).toBe(1);
  });

  it('when a partial grant is rendered, then the part refused and its reasons are in the PDF', async () => {
    const { flatText } = await render(fx.partialGrant);
    expectParts(flatText, [
      'Zuwendungsbescheid (teilweise Bewilligung)',
      'höchstens 10.500,00 €',
      'Beantragt waren 12.000,00 €',
      'Im Übrigen, in Höhe von 1.500,00 €, wird Ihr Antrag abgelehnt.',
      'Begründung der teilweisen Ablehnung',
      'nur zur Hälfte als zuwendungsfähig anerkannt',
      'Rechtsbehelfsbelehrung',
    ]);
  });

  it('when a grant uses another financing type, then that type is named', async () => {
    const proportional = await render({ ...fx.grant, financingType: 'proportional' });
    expect(proportional.flatText).toContain('Anteilfinanzierung (77,78 % der zuwendungsfähigen Ausgaben)');
    const fixed = await render({ ...fx.grant, financingType: 'fixed' });
    expect(fixed.flatText).toContain('Festbetragsfinanzierung');
  });

  it('when a rejection is rendered, then tenor, reasons (facts, rules, discretion), legal remedy and signatory are in the PDF', async () => {
    const { flatText } = await render(fx.rejection);
    expectParts(flatText, [
      ...letterFrame,
      'Ablehnungsbescheid',
      'Ihr Antrag vom 15.10.2026 auf Gewährung einer Zuwendung in Höhe von 10.500,00 €',
      'wird abgelehnt.',
      'Begründung',
      'Sachverhalt',
      'Rechtsgrundlage',
      'Förderrichtlinie Soziales (FRL Soziales)',
      'Ermessen',
      'ein Bezug zu einem Erfurter Sozialraum ist nicht dargelegt',
      'Rechtsbehelfsbelehrung',
      'innerhalb eines Monats nach Bekanntgabe Widerspruch',
      'Dr. Katharina Müller-Lüdenscheidt',
      'Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
    ]);
  });

  it.each([
    ['receipt', fx.receipt],
    ['request_for_changes', fx.requestForChanges],
    ['grant', fx.grant],
    ['rejection', fx.rejection],
  ] as const)('when a %s is rendered, then both DejaVu fonts are embedded as subsets with Unicode maps', async (_kind, model) => {
    const bytes = await renderNotice(model);
    const fonts = pdfFonts(bytes);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
      expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    }
  });

  it('when a notice is rendered, then the PDF metadata is set from the model', async () => {
    const info = pdfInfo(await renderNotice(fx.grant));
    expect(info.Title).toBe('Zuwendungsbescheid – Az. 50.2-FRL-2027-0042');
    expect(info.Author).toBe('Landeshauptstadt Erfurt');
    expect(info.Subject).toBe('Zuwendungsbescheid: Nachbarschaftscafé Rieth – Begegnung für Jung und Alt');
    expect(info.Creator).toBe('Förderportal Soziales');
    expect(info.CreationDate).toBe('2026-12-31T23:30:00Z');
    expect(info.ModDate).toBe('2026-12-31T23:30:00Z');
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.89 pts \(A4\)/);
  });

  it('when a notice is rendered, then the catalog declares the language de-DE and the trailer a document ID', async () => {
    const raw = Buffer.from(await renderNotice(fx.grant)).toString('latin1');
    expect(raw).toMatch(/\/Lang \(de-DE\)/);
    expect(raw).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  it('when the same model is rendered twice, then the bytes are identical', async () => {
    for (const model of [fx.receipt, fx.requestForChanges, fx.grant, fx.partialGrant, fx.rejection]) {
      const [a, b] = await Promise.all([renderNotice(model), renderNotice(model)]);
      expect(sha256(a)).toBe(sha256(b));
      // Key order does not matter.
      const reordered = Object.fromEntries(Object.entries(model).reverse()) as NoticeModel;
      expect(sha256(await renderNotice(reordered))).toBe(sha256(a));
    }
  });

  it('when two models differ, then document ID and bytes differ', async () => {
    const a = Buffer.from(await renderNotice(fx.grant)).toString('latin1');
    const b = Buffer.from(await renderNotice({ ...fx.grant, reference: '50.2-FRL-2027-0043' })).toString('latin1');
    const id = (raw: string): string | undefined => /\/ID \[ <([0-9A-F]+)>/.exec(raw)?.[1];
    expect(id(a)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });

  it('when a grant has long conditions, a long rationale and a 40-line cost plan, then it flows over 3+ pages and nothing is cut off', async () => {
    const model = fx.longGrant();
    const { text, flatText, bytes } = await render(model);
    const pages = Number(pdfInfo(bytes).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Seite 3 von');
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    for (let i = 1; i <= 40; i++) expect(flatText).toContain(`Position ${i}:`);
    expect(flatText).toContain('KONDITIONSENDE.');
    expect(flatText).toContain('SENTINELENDE');
    // The overlong word is broken across lines, not clipped: all its characters are there.
    expect(text.replace(/\s+/g, '')).toContain('überlangesWortOhneLeerzeichenDasDieZeilenbreiteDeutlichÜberschreitetUndUmgebrochenWerdenMussDamitNichtsAbgeschnittenWirdXYZ');
    // Signature after the sentinel, on the last page.
    const lastPage = text.split('\f').filter((p) => p.trim() !== '').pop()!;
    expect(flat(lastPage)).toContain('Dieser Bescheid wurde elektronisch erstellt');
    // The table header is repeated on the page where the cost plan continues.
    expect(text.match(/Kategorie\s+Beschreibung\s+Betrag/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('when the title of each kind is asked for, then the German title is returned', () => {
    expect(noticeTitle('receipt')).toBe('Eingangsbestätigung');
    expect(noticeTitle('request_for_changes')).toBe('Nachforderung von Unterlagen');
    expect(noticeTitle('grant')).toBe('Zuwendungsbescheid');
    expect(noticeTitle('rejection')).toBe('Ablehnungsbescheid');
  });
});

describe('incomplete notice models', () => {
  const expectRejected = async (model: NoticeModel, pattern: RegExp): Promise<void> => {
    const error = await renderNotice(model).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoticeModelError);
    expect((error as Error).message).toMatch(pattern);
  };

  it('when a partial grant has no rationale, then rendering throws naming the missing rationale', async () => {
    const { rationale: _omit, ...model } = fx.partialGrant;
    await expectRejected(model as GrantModel, /rationale \(Begründung der teilweisen Ablehnung\)/);
    await expectRejected({ ...fx.partialGrant, rationale: '  ' }, /rationale/);
  });

  it('when a rejection has an empty rationale, then rendering throws', async () => {
    await expectRejected({ ...fx.rejection, rationale: '' }, /rationale \(Begründung der Ablehnung\) is missing/);
  });

  it('when a request for changes lacks message or has a deadline not after the issue date, then rendering throws', async () => {
    await expectRejected({ ...fx.requestForChanges, message: '\n' }, /message/);
    await expectRejected({ ...fx.requestForChanges, dueDate: '2026-11-02' }, /dueDate \(Frist\).*after the issue date/);
    await expectRejected({ ...fx.requestForChanges, dueDate: '' }, /dueDate \(Frist\) is missing/);
  });

  it('when a receipt has no submission date, then rendering throws', async () => {
    await expectRejected({ ...fx.receipt, submittedAt: undefined as unknown as string }, /submittedAt \(Antragsdatum\) is missing/);
  });

  it('when a grant is inconsistent, then every problem is named at once', async () => {
    await expectRejected(
      {
        ...fx.grant,
        grantedCents: 1_300_000,
        periodStart: '2028-01-01',
        authority: { ...fx.authority, generalConditions: { name: '', version: '' }, signatoryName: '' },
      },
      /authority.signatoryName.*generalConditions.name.*exceeds requestedCents.*periodStart.*does not balance/s,
    );
    await expectRejected({ ...fx.grant, costItems: [] }, /costItems/);
    await expectRejected({ ...fx.grant, ownFundsCents: 100_000 }, /does not balance/);
    await expectRejected({ ...fx.grant, addressee: { ...fx.grant.addressee, street: '' } }, /addressee.street/);
  });

  it('when the kind is unknown, then rendering throws', async () => {
    await expect(renderNotice({ ...fx.grant, kind: 'bogus' } as unknown as NoticeModel)).rejects.toThrow(/Unknown notice kind: bogus/);
  });
});

describe('notice layout', () => {
  it('when the addressee has the longest name, street and city the forms accept, then every word of it is printed inside the address field', async () => {
    const mm = 2.8346;
    const words = (prefix: string, length: number): string =>
      Array.from({ length: Math.ceil(length / 10) }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`).join(' ').slice(0, length);
    const addressee = { name: words('Name', 200), street: words('Weg', 200), postalCode: '99085', city: words('Ort', 100) };
    const boxes = pdfWordBoxes(await renderNotice({ ...fx.grant, addressee })).filter((w) => w.page === 1);
    const expected = `${addressee.name} ${addressee.street} ${addressee.postalCode} ${addressee.city}`.split(' ');
    const printed = boxes.filter((w) => w.yMin > 62.7 * mm && w.yMax < 92 * mm && w.xMax < (25 + 85) * mm).map((w) => w.word);
    expect(printed).toEqual(expected);
  });

  it('when any notice is rendered, then no word lies outside the page margins', async () => {
    const pageWidth = 595.28;
    for (const model of [fx.receipt, fx.requestForChanges, fx.grant, fx.rejection, fx.longGrant()]) {
      const boxes = pdfWordBoxes(await renderNotice(model));
      expect(boxes.length).toBeGreaterThan(100);
      const outside = boxes.filter((w) => w.xMin < 25 * 2.8346 - 1 || w.xMax > pageWidth - 20 * 2.8346 + 1);
      expect(outside).toEqual([]);
    }
  });
});
