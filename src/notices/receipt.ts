import { Checks, checkBase, closing, DEFAULT_GUIDELINE, openLetter } from './common';
import { formatDate } from './format';
import { bold, plain } from './inline';
import type { ReceiptModel } from './model';

export function validateReceipt(model: ReceiptModel): void {
  const checks = new Checks('receipt');
  checkBase(model, checks, { submittedAt: true });
  checks.throwIfAny();
}

/** Eingangsbestätigung: reference, date received, next steps. */
export async function renderReceipt(model: ReceiptModel): Promise<Uint8Array> {
  validateReceipt(model);
  const guideline = model.authority.fundingGuideline ?? DEFAULT_GUIDELINE;
  const letter = await openLetter(model, `Eingangsbestätigung – Projekt „${model.projectTitle}“`);

  letter.paragraph(
    `wir bestätigen den Eingang Ihres Antrags auf Gewährung einer Zuwendung nach der ${guideline}. ` +
      'Bitte geben Sie bei Rückfragen stets das Aktenzeichen an.',
  );
  letter.keyValues([
    ['Aktenzeichen', [bold(model.reference)]],
    ['Eingegangen am', formatDate(model.submittedAt)],
  ]);

  letter.heading('Wie es weitergeht');
  letter.bullets([
    [
      bold('Vollständigkeitsprüfung: '),
      plain('Wir prüfen, ob alle Angaben und Unterlagen vorliegen; fehlt etwas, erhalten Sie eine Nachforderung mit Frist.'),
    ],
    [bold('Fachliche Prüfung: '), plain('Anschließend prüfen und bewerten wir Ihren Antrag inhaltlich.')],
    [
      bold('Entscheidung: '),
      plain('Sie erhalten einen schriftlichen Bescheid und werden per E-Mail und im Portal informiert.'),
    ],
  ]);

  letter.heading('Wichtiger Hinweis zum Projektbeginn');
  letter.paragraph(
    'Bitte beginnen Sie das Projekt nicht vor Erhalt des Zuwendungsbescheids, es sei denn, wir haben einem vorzeitigen ' +
      'Maßnahmebeginn schriftlich zugestimmt; sonst kann das Projekt nicht gefördert werden. Diese Eingangsbestätigung ' +
      'ist keine Bewilligung.',
  );

  closing(letter, { name: model.contact.name }, 'Schreiben');
  return letter.save();
}
