/**
 * The standard texts of notices that an authority may replace with its own (legal remedy,
 * payment, proof of use, data protection). Texts may name the authority through placeholders,
 * so that a changed address never leaves an old one in a text: {behoerde}, {amt}, {anschrift}.
 */

export interface NoticeTexts {
  legalRemedy: string;
  paymentTerms: string;
  /** What the proof of use consists of; lines starting with "- " are a list. */
  proofOfUseTerms: string;
  dataProtection: string;
}

export const standardNoticeTexts: NoticeTexts = {
  legalRemedy:
    'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. ' +
    'Der Widerspruch ist schriftlich oder zur Niederschrift bei der {behoerde}, {amt}, {anschrift} einzulegen.',
  paymentTerms:
    'Die Zuwendung wird auf Ihre Anforderung (Mittelabruf) über das Förderportal Soziales ausgezahlt. Mittel dürfen nur ' +
    'angefordert werden, soweit sie voraussichtlich innerhalb von zwei Monaten nach der Auszahlung für fällige Zahlungen ' +
    'benötigt werden. Die Auszahlung erfolgt auf das im Antrag angegebene Konto. Eigen- und Drittmittel sind vorrangig ' +
    'oder anteilig einzusetzen, wie es die Finanzierungsart vorsieht.',
  proofOfUseTerms:
    'Der Verwendungsnachweis besteht aus:\n' +
    '- einem Sachbericht über die durchgeführten Maßnahmen, die erreichten Zielgruppen und die erzielten Ergebnisse,\n' +
    '- einem zahlenmäßigen Nachweis der Einnahmen und Ausgaben, gegliedert nach den Positionen des Kosten- und Finanzierungsplans.\n\n' +
    'Die Originalbelege über die Einzelzahlungen und alle sonst mit der Förderung zusammenhängenden Unterlagen sind fünf Jahre ' +
    'nach Vorlage des Verwendungsnachweises aufzubewahren und auf Verlangen vorzulegen.',
  dataProtection:
    'Verantwortlich für die Verarbeitung Ihrer Angaben ist die {behoerde}, {amt}, {anschrift}. Wir verarbeiten sie, um über ' +
    'Ihren Antrag zu entscheiden und die Verwendung der Zuwendung zu prüfen (Art. 6 Abs. 1 Buchst. c und e DSGVO), und ' +
    'löschen sie nach Ablauf der Aufbewahrungsfristen. Sie haben das Recht auf Auskunft, Berichtigung, Löschung, ' +
    'Einschränkung der Verarbeitung und Widerspruch sowie das Recht, sich bei der Datenschutzaufsichtsbehörde zu beschweren.',
};

export const NOTICE_TEXT_PLACEHOLDERS = ['behoerde', 'amt', 'anschrift'] as const;

/** Placeholders in `text` that the portal does not know, e.g. ["{behörde}"]. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)]
    .filter((m) => !(NOTICE_TEXT_PLACEHOLDERS as readonly string[]).includes(m[1]!))
    .map((m) => m[0]);
}

/** The text as printed: placeholders replaced with the authority's current data. */
export function fillPlaceholders(
  text: string,
  authority: { name: string; department: string; street: string; postalCode: string; city: string },
): string {
  const values: Record<string, string> = {
    behoerde: authority.name,
    amt: authority.department,
    anschrift: `${authority.street}, ${authority.postalCode} ${authority.city}`,
  };
  return text.replace(/\{(behoerde|amt|anschrift)\}/g, (_, key: string) => values[key]!);
}
