import { Checks, checkBase, checkTexts, closing, dataProtection, DEFAULT_GUIDELINE, legalRemedy, openLetter } from './common';
import { formatDate, formatEuro } from './format';
import { bold, plain } from './inline';
import type { RejectionModel } from './model';

export function validateRejection(model: RejectionModel): void {
  const checks = new Checks('rejection');
  checkBase(model, checks, { submittedAt: true });
  checkTexts(model, checks, ['dataProtection', 'legalRemedy']);
  checks.cents(model.requestedCents, 'requestedCents', 'beantragter Betrag', { positive: true });
  checks.text(model.rationale, 'rationale', 'Begründung der Ablehnung');
  checks.throwIfAny();
}

/** Ablehnungsbescheid: tenor, reasons (§ 39 VwVfG), legal remedy, signatory. */
export async function renderRejection(model: RejectionModel): Promise<Uint8Array> {
  validateRejection(model);
  const a = model.authority;
  const guideline = a.fundingGuideline ?? DEFAULT_GUIDELINE;
  const requested = formatEuro(model.requestedCents);
  const submitted = formatDate(model.submittedAt);

  const letter = await openLetter(model, `Ablehnungsbescheid – Projekt „${model.projectTitle}“`);
  letter.paragraph(`über Ihren Antrag auf Gewährung einer Zuwendung nach der ${guideline} entscheiden wir wie folgt:`);

  letter.heading('1. Entscheidung');
  letter.paragraph([
    plain(`Ihr Antrag vom ${submitted} auf Gewährung einer Zuwendung in Höhe von ${requested} für das Projekt „${model.projectTitle}“ `),
    bold('wird abgelehnt.'),
  ]);

  letter.heading('2. Begründung');
  letter.heading('Sachverhalt', 2);
  letter.paragraph(
    `${model.addressee.name} hat am ${submitted} über das Förderportal Soziales eine Zuwendung in Höhe von ${requested} ` +
      `für das Projekt „${model.projectTitle}“ beantragt (Aktenzeichen ${model.reference}).`,
  );
  letter.heading('Rechtsgrundlage', 2);
  letter.paragraph(
    `Zuwendungen nach der ${guideline} der ${a.name} sind freiwillige Leistungen. Ein Rechtsanspruch auf eine Zuwendung ` +
      'besteht nicht. Die Bewilligungsbehörde entscheidet nach pflichtgemäßem Ermessen im Rahmen der verfügbaren ' +
      'Haushaltsmittel und unter Beachtung der Fördervoraussetzungen und -kriterien der Richtlinie.',
  );
  letter.heading('Gründe und Ermessensabwägung', 2);
  letter.paragraphs(model.rationale);
  letter.paragraph('Nach Abwägung aller Umstände war der Antrag daher abzulehnen.');

  dataProtection(letter, model);
  legalRemedy(letter, model);
  closing(letter, { name: a.signatoryName, title: a.signatoryTitle }, 'Bescheid');
  return letter.save();
}
