import { NoticeModelError, renderNotice, type NoticeModel, type StatementModel } from '../../../src/notices/render';
import { renderStatement } from '../../../src/notices/statement';
import * as fx from './fixtures';
import { flat, pdfFonts, pdfInfo, pdfText, pdfWordBoxes, sha256 } from './pdf-tools';

const statement: StatementModel = fx.statement;

const NO_FUNDING_PROMISE =
  'Diese Stellungnahme ist keine Förderzusage und ersetzt keine Förderentscheidung der Landeshauptstadt Erfurt. ' +
  'Über eine Förderung oder Kofinanzierung entscheidet die Stadt gesondert; jede solche Entscheidung steht unter dem ' +
  'Vorbehalt verfügbarer Haushaltsmittel (Haushaltsvorbehalt).';

const LABELS = { supportive: 'befürwortet', conditional: 'befürwortet mit Hinweisen', not_supportive: 'nicht befürwortet' } as const;

async function render(model: StatementModel): Promise<{ bytes: Uint8Array; text: string; flatText: string }> {
  const bytes = await renderNotice(model);
  const text = pdfText(bytes);
  return { bytes, text, flatText: flat(text) };
}

function expectParts(flatText: string, parts: string[]): void {
  const missing = parts.filter((p) => !flatText.includes(flat(p)));
  expect(missing).toEqual([]);
}

describe('statement rendering', () => {
  it('when a statement is rendered, then every part a Stellungnahme must contain is in the PDF', async () => {
    const { flatText, text } = await render(statement);
    expectParts(flatText, [
      // Letter frame
      'Landeshauptstadt Erfurt',
      'Amt für Soziales',
      'Landeshauptstadt Erfurt · Amt für Soziales · 99111 Erfurt',
      'Łódź-Brücke e.V.',
      'Straße der Einheit 7',
      '99085 Erfurt',
      'Aktenzeichen',
      '50.3-STN-2027-0007',
      'Ayşe Yılmaz',
      'ayse.yilmaz@erfurt.de',
      'Juri-Gagarin-Ring 150 · 99084 Erfurt',
      'Seite 1 von',
      // Subject and opening
      'Stellungnahme der Landeshauptstadt Erfurt zum Antrag „Brücken bauen im Rieth – Sprachmittlung und Nachbarschaft“ bei Europäischer Sozialfonds Plus (ESF Plus)',
      'auf Ihren Antrag vom 20.01.2027 nehmen wir zu Ihrem Förderantrag für das Projekt „Brücken bauen im Rieth – Sprachmittlung und Nachbarschaft“ im Programm „ESF Plus – Soziale Innovation“ wie folgt Stellung.',
      'zur Vorlage beim Fördermittelgeber – Europäischer Sozialfonds Plus (ESF Plus) – bestimmt',
      // Position, prominently
      'Votum der Landeshauptstadt Erfurt: befürwortet',
      'Die Gründe sind unter Nr. 8 dargelegt.',
      // Project and funder
      'Vorhaben und Fördermittelgeber',
      'Fördermittelgeber Europäischer Sozialfonds Plus (ESF Plus)',
      'Förderprogramm ESF Plus – Soziale Innovation',
      'Sozialraum Rieth (Planungsraum Nord)',
      'Gesamtkosten 187.500,00 €',
      'Beim Fördermittelgeber beantragt 150.000,00 €',
      'Angefragte kommunale Kofinanzierung 12.500,00 €',
      'Antragsfrist beim Fördermittelgeber 31.03.2027',
      'ehrenamtliche Sprachmittlerinnen und Sprachmittler gewinnen',
      'Das Projekt läuft vom 01.07.2027 bis 30.06.2029.',
      // Sections
      'Bedarf im Sozialraum Rieth (Planungsraum Nord)',
      'nach dem Erfurter Sozialindex einen der höchsten Werte der Stadt',
      'Einordnung in die Planungen der Landeshauptstadt Erfurt',
      'Integrationskonzept der Stadt',
      'Verhältnis zu bestehenden Angeboten',
      'eine Doppelstruktur entsteht nicht',
      'Kooperation und Vernetzung',
      'Kooperationsvereinbarungen liegen vor',
      'Kofinanzierung durch die Landeshauptstadt Erfurt',
      'Von der Landeshauptstadt Erfurt wird eine Kofinanzierung in Höhe von 12.500,00 € erbeten.',
      'aus Mitteln der FRL Soziales für die Jahre 2027 und 2028',
      NO_FUNDING_PROMISE,
      // Reasons
      'Begründung des Votums',
      'Das Vorhaben deckt einen belegten Bedarf im Sozialraum',
      'Die Planung ist schlüssig; die Kosten sind angemessen.',
      // Instead of a legal remedy: the funder's procedure
      'Hinweis zum Verfahren',
      'Diese Stellungnahme wird für das Antragsverfahren beim Fördermittelgeber abgegeben.',
      'Bitte reichen Sie sie bis zum 31.03.2027 zusammen mit Ihrem Antrag dort ein.',
      // Signature
      'Mit freundlichen Grüßen',
      'Dr. Katharina Müller-Lüdenscheidt',
      'Amtsleiterin',
      'Dieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
    ]);
    expect(text).toMatch(/Datum\n.*\b15\.02\.2027\n/);
    // Not an administrative act.
    expect(flatText).not.toContain('Rechtsbehelfsbelehrung');
    expect(flatText).not.toContain('Widerspruch');
    expect(flatText).not.toContain('Bescheid');
    // The procedural note stays on the page with the signature.
    const lastPage = flat(text.split('\f').filter((p) => p.trim() !== '').pop()!);
    expect(lastPage).toContain('Hinweis zum Verfahren');
    expect(lastPage).toContain('Amtsleiterin');
  });

  it.each(Object.entries(LABELS) as Array<[keyof typeof LABELS, string]>)(
    'when the position is %s, then the statement says "%s" and no other position',
    async (position, label) => {
      const { flatText } = await render({ ...statement, position });
      expect(flatText).toContain(`Votum der Landeshauptstadt Erfurt: ${label}`);
      for (const other of Object.values(LABELS).filter((l) => l !== label && !label.includes(l))) {
        expect(flatText).not.toContain(other);
      }
    },
  );

  it('when no co-financing is asked and no funder deadline is given, then "keine" is shown and no deadline', async () => {
    const { funderDeadline: _omit, ...rest } = statement;
    const { flatText } = await render({ ...rest, municipalContributionCents: 0 });
    expectParts(flatText, [
      'Angefragte kommunale Kofinanzierung keine',
      'Eine Kofinanzierung durch die Landeshauptstadt Erfurt wird nicht erbeten (kommunale Kofinanzierung: keine).',
      NO_FUNDING_PROMISE,
    ]);
    expect(flatText).not.toContain('12.500,00 €');
    expect(flatText).not.toContain('Antragsfrist');
    expect(flatText).not.toContain('bis zum');
  });

  it('when a statement is rendered, then both DejaVu fonts are embedded as subsets with Unicode maps', async () => {
    const fonts = pdfFonts(await renderNotice(statement));
    expect(fonts).toHaveLength(2);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
      expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    }
  });

  it('when a statement is rendered, then the PDF metadata names the statement', async () => {
    const info = pdfInfo(await renderNotice(statement));
    expect(info.Title).toBe('Stellungnahme – Az. 50.3-STN-2027-0007');
    expect(info.Subject).toBe('Stellungnahme: Brücken bauen im Rieth – Sprachmittlung und Nachbarschaft');
    expect(info.CreationDate).toBe('2027-02-15T09:00:00Z');
  });

  it('when the same statement is rendered twice, then the bytes are identical; a different model gives different bytes', async () => {
    const [a, b] = await Promise.all([renderNotice(statement), renderStatement(statement)]);
    expect(sha256(a)).toBe(sha256(b));
    const reordered = Object.fromEntries(Object.entries(statement).reverse()) as NoticeModel;
    expect(sha256(await renderNotice(reordered))).toBe(sha256(a));
    expect(sha256(await renderNotice({ ...statement, position: 'conditional' }))).not.toBe(sha256(a));
  });

  it('when the texts are long, then the statement flows over several pages, stays inside the margins and ends with the signature', async () => {
    const model: StatementModel = {
      ...statement,
      sections: { ...statement.sections, need: fx.longText(900, 'BEDARFENDE'), offers: fx.longText(600, 'ANGEBOTENDE') },
      reasons: fx.longText(900, 'BEGRÜNDUNGSENDE'),
    };
    const { bytes, text, flatText } = await render(model);
    const pages = Number(pdfInfo(bytes).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    expectParts(flatText, ['BEDARFENDE.', 'ANGEBOTENDE.', 'BEGRÜNDUNGSENDE.', NO_FUNDING_PROMISE]);
    // The signature block never stands alone: the procedural note goes with it.
    const lastPage = flat(text.split('\f').filter((p) => p.trim() !== '').pop()!);
    expect(lastPage).toContain('Hinweis zum Verfahren');
    expect(lastPage).toContain('Dieses Schreiben wurde elektronisch erstellt');
    const boxes = pdfWordBoxes(bytes);
    const outside = boxes.filter((w) => w.xMin < 25 * 2.8346 - 1 || w.xMax > 595.28 - 20 * 2.8346 + 1);
    expect(outside).toEqual([]);
  });
});

describe('incomplete statement models', () => {
  const rejected = async (model: StatementModel): Promise<NoticeModelError> => {
    const error = await renderNotice(model).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoticeModelError);
    return error as NoticeModelError;
  };

  it('when the reasons are blank, then rendering throws naming them', async () => {
    const error = await rejected({ ...statement, reasons: ' \n ' });
    expect(error.problems).toEqual(['reasons (Begründung des Votums) is missing']);
  });

  it.each(['need', 'planning', 'offers', 'cooperation', 'cofinancing'] as const)('when section %s is blank, then rendering throws naming it', async (key) => {
    const error = await rejected({ ...statement, sections: { ...statement.sections, [key]: '' } });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^sections\\.${key} \\(.+\\) is missing$`));
  });

  it('when the position is unknown, then rendering throws', async () => {
    const error = await rejected({ ...statement, position: 'neutral' as unknown as StatementModel['position'] });
    expect(error.problems).toEqual(['position (Votum) is missing or unknown: neutral']);
    await rejected({ ...statement, position: 'toString' as unknown as StatementModel['position'] });
  });

  it('when the municipal contribution is negative or not whole cents, then rendering throws', async () => {
    const error = await rejected({ ...statement, municipalContributionCents: -100 });
    expect(error.problems).toEqual(['municipalContributionCents (angefragte kommunale Kofinanzierung) must be zero or more']);
    await rejected({ ...statement, municipalContributionCents: 12.5 });
  });

  it('when the amounts are zero or do not fit the total cost, then rendering throws', async () => {
    const zero = await rejected({ ...statement, requestedFromFunderCents: 0, totalCostCents: 0 });
    expect(zero.message).toMatch(/totalCostCents \(Gesamtkosten\) must be positive.*requestedFromFunderCents .* must be positive/);
    const over = await rejected({ ...statement, requestedFromFunderCents: 18_000_000 });
    expect(over.message).toMatch(/exceed totalCostCents \(Gesamtkosten\): 192\.500,00\s€ > 187\.500,00\s€/);
  });

  it('when several parts are missing, then every problem is named at once', async () => {
    const error = await rejected({
      ...statement,
      funder: '',
      funderProgramme: ' ',
      summary: '',
      districtName: '',
      funderDeadline: '2027-02-30',
      reasons: '',
      position: undefined as unknown as StatementModel['position'],
      sections: undefined as unknown as StatementModel['sections'],
      signedBy: { name: '', title: '' },
      submittedAt: '',
    });
    expect(error.problems).toEqual([
      'submittedAt (Antragsdatum) is missing',
      'funder (Fördermittelgeber) is missing',
      'funderProgramme (Förderprogramm) is missing',
      'summary (Kurzbeschreibung des Vorhabens) is missing',
      'districtName (Sozialraum) is missing',
      'funderDeadline (Antragsfrist beim Fördermittelgeber) is not a valid date: 2027-02-30',
      'position (Votum) is missing or unknown: undefined',
      'sections (Inhalte der Stellungnahme) are missing',
      'reasons (Begründung des Votums) is missing',
      'signedBy.name (Name der zeichnenden Amtsleitung) is missing',
      'signedBy.title (Funktion der zeichnenden Amtsleitung) is missing',
    ]);
  });

  it('when the request for the statement lies after the issue date, then rendering throws', async () => {
    const error = await rejected({ ...statement, submittedAt: '2027-03-01' });
    expect(error.problems).toEqual(['submittedAt (Antragsdatum) lies after issuedAt (Datum des Schreibens)']);
  });
});
