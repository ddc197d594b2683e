import { Checks, checkBase, closing, openLetter } from './common';
import { formatDate, formatEuro } from './format';
import { bold, plain, type Inline } from './inline';
import type { StatementModel, StatementPosition } from './model';

/** The position as it appears in the statement ("Votum"). */
export const STATEMENT_POSITION_LABELS: Record<StatementPosition, string> = {
  supportive: 'befürwortet',
  conditional: 'befürwortet mit Hinweisen',
  not_supportive: 'nicht befürwortet',
};

/** Title of the document (running header, PDF metadata). */
export const STATEMENT_TITLE = 'Stellungnahme';

/** The fixed sentence: a statement is no funding promise; a funding decision stands under the Haushaltsvorbehalt. */
export function noFundingPromise(authorityName: string): string {
  return (
    `Diese Stellungnahme ist keine Förderzusage und ersetzt keine Förderentscheidung der ${authorityName}. ` +
    'Über eine Förderung oder Kofinanzierung entscheidet die Stadt gesondert; jede solche Entscheidung steht unter dem ' +
    'Vorbehalt verfügbarer Haushaltsmittel (Haushaltsvorbehalt).'
  );
}

const SECTION_LABELS: Record<keyof StatementModel['sections'], string> = {
  need: 'Bedarf im Sozialraum',
  planning: 'Einordnung in die Planungen der Stadt',
  offers: 'Verhältnis zu bestehenden Angeboten',
  cooperation: 'Kooperation und Vernetzung',
  cofinancing: 'Kofinanzierung',
};

export function validateStatement(model: StatementModel): void {
  const checks = new Checks('statement');
  checkBase(model, checks, { submittedAt: true });
  checks.text(model.funder, 'funder', 'Fördermittelgeber');
  checks.text(model.funderProgramme, 'funderProgramme', 'Förderprogramm');
  checks.text(model.summary, 'summary', 'Kurzbeschreibung des Vorhabens');
  checks.text(model.districtName, 'districtName', 'Sozialraum');
  if (model.funderDeadline !== undefined && model.funderDeadline !== '') {
    checks.date(model.funderDeadline, 'funderDeadline', 'Antragsfrist beim Fördermittelgeber');
  }

  const total = checks.cents(model.totalCostCents, 'totalCostCents', 'Gesamtkosten', { positive: true });
  const requested = checks.cents(model.requestedFromFunderCents, 'requestedFromFunderCents', 'beim Fördermittelgeber beantragter Betrag', {
    positive: true,
  });
  const municipal = checks.cents(model.municipalContributionCents, 'municipalContributionCents', 'angefragte kommunale Kofinanzierung');
  if (total && requested && municipal && model.requestedFromFunderCents + model.municipalContributionCents > model.totalCostCents) {
    checks.fail(
      'requestedFromFunderCents + municipalContributionCents (beantragte Fördermittel und kommunale Kofinanzierung) ' +
        `exceed totalCostCents (Gesamtkosten): ${formatEuro(model.requestedFromFunderCents + model.municipalContributionCents)} > ` +
        formatEuro(model.totalCostCents),
    );
  }

  if (typeof model.position !== 'string' || !Object.hasOwn(STATEMENT_POSITION_LABELS, model.position)) {
    checks.fail(`position (Votum) is missing or unknown: ${String(model.position)}`);
  }
  if (!model.sections || typeof model.sections !== 'object') checks.fail('sections (Inhalte der Stellungnahme) are missing');
  else {
    for (const [key, label] of Object.entries(SECTION_LABELS) as Array<[keyof StatementModel['sections'], string]>) {
      checks.text(model.sections[key], `sections.${key}`, label);
    }
  }
  checks.text(model.reasons, 'reasons', 'Begründung des Votums');
  if (!model.signedBy) checks.fail('signedBy (zeichnende Amtsleitung) is missing');
  else {
    checks.text(model.signedBy.name, 'signedBy.name', 'Name der zeichnenden Amtsleitung');
    checks.text(model.signedBy.title, 'signedBy.title', 'Funktion der zeichnenden Amtsleitung');
  }
  checks.throwIfAny();
}

/**
 * Stellungnahme zu einem Drittmittelantrag: addressed to the provider for submission to the other
 * funder. Project and funder, need in the district, fit with the city's plans and existing offers,
 * cooperation, co-financing (no funding promise), the position with reasons, signed by the head.
 * Not an administrative act: no legal remedy notice.
 */
export async function renderStatement(model: StatementModel): Promise<Uint8Array> {
  validateStatement(model);
  const a = model.authority;
  const label = STATEMENT_POSITION_LABELS[model.position];
  const municipal = model.municipalContributionCents > 0 ? formatEuro(model.municipalContributionCents) : 'keine';
  const deadline = model.funderDeadline ? formatDate(model.funderDeadline) : undefined;

  const letter = await openLetter(
    model,
    `Stellungnahme der ${a.name} zum Antrag „${model.projectTitle}“ bei ${model.funder}`,
    STATEMENT_TITLE,
  );
  letter.paragraph(
    `auf Ihren Antrag vom ${formatDate(model.submittedAt)} nehmen wir zu Ihrem Förderantrag für das Projekt ` +
      `„${model.projectTitle}“ im Programm „${model.funderProgramme}“ wie folgt Stellung. Die Stellungnahme ist zur ` +
      `Vorlage beim Fördermittelgeber – ${model.funder} – bestimmt.`,
  );

  // 1. Position, prominently at the top; the reasons follow under no. 8.
  letter.heading('1. Votum');
  letter.paragraph([plain(`Votum der ${a.name}: `), bold(label)], { size: 11, spaceAfter: 4 });
  const consequence: Record<StatementPosition, string> = {
    supportive: 'Wir unterstützen das Vorhaben aus fachlicher Sicht. Die Gründe sind unter Nr.\u00a08 dargelegt.',
    conditional:
      'Wir unterstützen das Vorhaben aus fachlicher Sicht, bitten aber, die unter Nr.\u00a08 genannten Hinweise bei der ' +
      'weiteren Planung und Umsetzung zu berücksichtigen.',
    not_supportive: 'Wir können das Vorhaben aus fachlicher Sicht nicht unterstützen. Die Gründe sind unter Nr.\u00a08 dargelegt.',
  };
  letter.paragraph(consequence[model.position]);

  // 2. Project and funder
  letter.heading('2. Vorhaben und Fördermittelgeber');
  letter.paragraphs(model.summary);
  const rows: Array<[string, Inline]> = [
    ['Projekt', model.projectTitle],
    ['Träger', model.addressee.name],
    ['Fördermittelgeber', model.funder],
    ['Förderprogramm', model.funderProgramme],
    ['Sozialraum', model.districtName],
    ['Gesamtkosten', formatEuro(model.totalCostCents)],
    ['Beim Fördermittelgeber beantragt', [bold(formatEuro(model.requestedFromFunderCents))]],
    ['Angefragte kommunale Kofinanzierung', municipal],
  ];
  if (deadline) rows.push(['Antragsfrist beim Fördermittelgeber', deadline]);
  letter.keyValues(rows, 215);

  // 3.–6. Content review
  letter.heading(`3. Bedarf im Sozialraum ${model.districtName}`);
  letter.paragraphs(model.sections.need);
  letter.heading(`4. Einordnung in die Planungen der ${a.name}`);
  letter.paragraphs(model.sections.planning);
  letter.heading('5. Verhältnis zu bestehenden Angeboten');
  letter.paragraphs(model.sections.offers);
  letter.heading('6. Kooperation und Vernetzung');
  letter.paragraphs(model.sections.cooperation);

  // 7. Co-financing
  letter.heading(`7. Kofinanzierung durch die ${a.name}`);
  letter.paragraph(
    model.municipalContributionCents > 0
      ? [plain(`Von der ${a.name} wird eine Kofinanzierung in Höhe von `), bold(municipal), plain(' erbeten.')]
      : [plain(`Eine Kofinanzierung durch die ${a.name} wird nicht erbeten (kommunale Kofinanzierung: `), bold('keine'), plain(').')],
  );
  letter.paragraphs(model.sections.cofinancing);
  letter.paragraph([bold(noFundingPromise(a.name))]);

  // 8. Reasons for the position
  letter.heading('8. Begründung des Votums');
  letter.paragraphs(model.reasons);

  // Instead of a legal remedy notice: what the statement is for. It goes with the signature block
  // (heading + three lines + closing), so the signature never stands alone on the last page.
  letter.keepTogether(26 + 3 * 14 + 6 + 110);
  letter.heading('Hinweis zum Verfahren');
  letter.paragraph(
    'Diese Stellungnahme wird für das Antragsverfahren beim Fördermittelgeber abgegeben. Bitte reichen Sie sie ' +
      `${deadline ? `bis zum ${deadline} ` : ''}zusammen mit Ihrem Antrag dort ein. Über den Antrag entscheidet allein ` +
      'der Fördermittelgeber.',
  );

  closing(letter, model.signedBy, 'Schreiben');
  return letter.save();
}
