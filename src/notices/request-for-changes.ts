import { Checks, checkBase, closing, openLetter } from './common';
import { compareCalendarDates, formatDate, toCalendarDate } from './format';
import { bold, plain } from './inline';
import type { RequestForChangesModel } from './model';

export function validateRequestForChanges(model: RequestForChangesModel): void {
  const checks = new Checks('request_for_changes');
  checkBase(model, checks, { submittedAt: false });
  checks.text(model.message, 'message', 'was fehlt oder zu ändern ist');
  if (checks.date(model.dueDate, 'dueDate', 'Frist') && checks.problems.every((p) => !p.startsWith('issuedAt'))) {
    if (compareCalendarDates(toCalendarDate(model.dueDate), toCalendarDate(model.issuedAt)) <= 0) {
      checks.fail(`dueDate (Frist) ${model.dueDate} must lie after the issue date`);
    }
  }
  checks.throwIfAny();
}

/** Nachforderung: what is missing or has to change, the deadline, the consequence, how to respond. */
export async function renderRequestForChanges(model: RequestForChangesModel): Promise<Uint8Array> {
  validateRequestForChanges(model);
  const due = formatDate(model.dueDate);
  const letter = await openLetter(model, `Nachforderung von Unterlagen – Projekt „${model.projectTitle}“`);

  const applied = model.submittedAt ? ` vom ${formatDate(model.submittedAt)}` : '';
  letter.paragraph(
    `bei der Prüfung Ihres Antrags${applied} für das Projekt „${model.projectTitle}“ haben wir festgestellt, dass ` +
      'noch Angaben oder Unterlagen fehlen oder geändert werden müssen.',
  );

  letter.heading('Was fehlt oder zu ändern ist');
  letter.paragraphs(model.message);

  letter.heading('Frist');
  letter.paragraph([
    plain('Bitte reichen Sie die fehlenden oder geänderten Angaben und Unterlagen bis spätestens '),
    bold(due),
    plain(' ein.'),
  ]);

  letter.heading('Wenn die Frist verstreicht');
  letter.paragraph(
    'Geht bis zum Ablauf der Frist keine vollständige Antwort ein, kann über Ihren Antrag nach Aktenlage, also auf ' +
      'Grundlage der vorliegenden Unterlagen, entschieden oder der Antrag abgelehnt werden. Können Sie die Frist aus ' +
      'wichtigem Grund nicht einhalten, melden Sie sich bitte vor Fristablauf bei uns.',
  );

  letter.heading('So antworten Sie');
  letter.bullets([
    [plain('Melden Sie sich im Förderportal Soziales an und öffnen Sie den Antrag mit dem Aktenzeichen '), bold(model.reference), plain('.')],
    'Ergänzen oder ändern Sie die Angaben und laden Sie die fehlenden Unterlagen hoch.',
    'Reichen Sie den Antrag anschließend im Portal erneut ein. Mit der erneuten Einreichung ist die Frist gewahrt.',
  ]);

  closing(letter, { name: model.contact.name }, 'Schreiben');
  return letter.save();
}
