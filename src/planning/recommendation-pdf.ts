import { createHash } from 'node:crypto';
import { formatDate, formatEuro } from '../notices/format';
import { loadLetter } from '../notices/load-letter';
import type { Authority } from '../notices/model';
import { PRIORITY_RULE } from './recommendation-list';
import type { RecommendationList } from './recommendation-list';

const socialIndex = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The round's recommendation list for the advisory committee as a letter in the notices'
 * layout (letterhead, information block, table with repeated header, "Seite x von y"). It is
 * rendered on request: a coordinator downloads it a few times per round, unlike notices.
 */
export async function renderRecommendationPdf(list: RecommendationList, authority: Authority, at: Date, contact: { name: string; email: string; role: string }): Promise<Uint8Array> {
  const { round, rows, totals } = list;
  const title = `Empfehlungsliste Förderrunde ${round.year}`;
  const { Letter } = loadLetter();
  const letter = await Letter.create({
    authority,
    addressee: { name: 'Begleitgremium und Ausschuss für Soziales', street: authority.street, postalCode: authority.mailPostalCode ?? authority.postalCode, city: authority.city },
    info: [
      { label: 'Programm', value: round.programme.name },
      { label: 'Förderrunde', value: String(round.year) },
      { label: 'Antragsfrist', value: formatDate(round.deadline) },
      { label: 'Stand', value: formatDate(at) },
      { label: 'Ansprechperson', value: contact.name },
      { label: 'E-Mail', value: contact.email },
    ],
    subject: `${title} – ${round.programme.name}`,
    runningHeader: `${title} · Stand ${formatDate(at)}`,
    metadata: { title, subject: `${title}: Vorschläge der Quartiersplanungskoordination`, keywords: [title, round.programme.id], date: at },
    fingerprint: createHash('sha256').update(JSON.stringify({ round: round.id, at: at.toISOString(), rows })).digest('hex'),
  });
  letter.paragraph('Sehr geehrte Damen und Herren,', { spaceAfter: 8 });
  letter.paragraph(
    `die Quartiersplanungskoordination empfiehlt die folgenden ${rows.length} Anträge der Förderrunde ${round.year} zur Förderung. ` +
      `Das Budget der Runde beträgt ${formatEuro(round.budgetCents)}; davon sind ${formatEuro(round.committedCents)} bereits bewilligt. ` +
      `Die Empfehlungen summieren sich auf ${formatEuro(totals.recommendedCents)}.`,
    { spaceAfter: 8 },
  );
  letter.paragraph(`Reihenfolge: ${PRIORITY_RULE}`, { spaceAfter: 10 });
  letter.table({
    columns: [
      { header: 'Rang', width: 34, align: 'right' },
      { header: 'Vorhaben, Träger, Aktenzeichen' },
      { header: 'Ortsteil (Planungsraum)', width: 90 },
      { header: 'Sozial-\nindex', width: 48, align: 'right' },
      { header: 'Beantragt', width: 70, align: 'right' },
      { header: 'Empfohlen', width: 70, align: 'right' },
    ],
    rows: rows.map((r) => [
      String(r.rank),
      `${r.title}\n${r.organisation}\nAz. ${r.reference}${r.late ? ' (verspätet eingegangen)' : ''}`,
      `${r.district} (${r.planningArea})`,
      r.socialIndex === null ? '–' : socialIndex.format(r.socialIndex),
      formatEuro(r.requestedCents),
      formatEuro(r.recommendedCents),
    ]),
    total: ['', `Summe (${rows.length} Anträge)`, '', '', formatEuro(totals.requestedCents), formatEuro(totals.recommendedCents)],
  });
  if (rows.length === 0) letter.paragraph('Zurzeit liegen keine Empfehlungen zur Förderung vor.', { spaceAfter: 8 });
  letter.paragraph(
    'Die Förderung steht unter dem Vorbehalt verfügbarer Haushaltsmittel. Über die Anträge entscheidet die Amtsleitung nach dem Beschluss des Ausschusses; erst dann ergehen die Bescheide.',
    { spaceAfter: 8 },
  );
  letter.paragraph('Mit freundlichen Grüßen', { spaceAfter: 12, narrow: true });
  letter.paragraph(`Im Auftrag\n${contact.name}\n${contact.role}`, { narrow: true });
  return letter.save();
}
