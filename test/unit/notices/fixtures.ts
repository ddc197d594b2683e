import { noticeTextsFor } from '../../../src/notices/authority';
import type { Authority, GrantModel, ReceiptModel, RejectionModel, RequestForChangesModel, StatementModel } from '../../../src/notices/model';

export const authority: Authority = {
  name: 'Landeshauptstadt Erfurt',
  department: 'Amt für Soziales',
  street: 'Juri-Gagarin-Ring 150',
  postalCode: '99084',
  city: 'Erfurt',
  mailPostalCode: '99111',
  email: 'soziales@erfurt.de',
  phone: '0361 655-4711',
  website: 'www.erfurt.de',
  signatoryName: 'Dr. Katharina Müller-Lüdenscheidt',
  signatoryTitle: 'Amtsleiterin',
  generalConditions: {
    name: 'Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P)',
    version: 'Fassung vom 01.01.2025',
  },
  texts: noticeTextsFor({ name: 'Landeshauptstadt Erfurt', department: 'Amt für Soziales', street: 'Juri-Gagarin-Ring 150', postalCode: '99084', city: 'Erfurt' }),
  proofOfUseMonths: 6,
};

/** Verification code and the public URL that checks it. */
export function verification(code: string): { code: string; url: string } {
  return { code, url: `https://portal.example/verify/${code}` };
}

const base = {
  reference: '50.2-FRL-2027-0042',
  issuedAt: '2026-12-31T23:30:00.000Z', // 01.01.2027 in Berlin
  authority,
  addressee: { name: 'Łódź-Brücke e.V.', street: 'Straße der Einheit 7', postalCode: '99085', city: 'Erfurt' },
  contact: { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@erfurt.de', phone: '0361 655-4712' },
  projectTitle: 'Nachbarschaftscafé Rieth – Begegnung für Jung und Alt',
  submittedAt: '2026-10-15',
  verification: verification('K7QF-93XM-2PLA'),
};

export const receipt: ReceiptModel = { ...base, kind: 'receipt', issuedAt: '2026-10-16T08:00:00.000Z', verification: verification('R3CP-T8WK-4EQD') };

export const requestForChanges: RequestForChangesModel = {
  ...base,
  kind: 'request_for_changes',
  issuedAt: '2026-11-02T09:00:00.000Z',
  verification: verification('N4CH-F7RD-9UXB'),
  message:
    'Im Kosten- und Finanzierungsplan fehlt die Aufschlüsselung der Honorarausgaben nach Stunden und Stundensätzen.\n\n' +
    'Bitte laden Sie außerdem den aktuellen Freistellungsbescheid des Finanzamts hoch; der vorliegende Bescheid ist älter als fünf Jahre.\n\n' +
    'Die Zahl der erwarteten Teilnehmenden im Sachbericht (120) weicht von der im Antrag genannten Zahl (80) ab. Bitte klären Sie die Angabe.',
  dueDate: '2027-01-01',
};

export const grant: GrantModel = {
  ...base,
  kind: 'grant',
  requestedCents: 1_050_000,
  grantedCents: 1_050_000,
  financingType: 'deficit',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  costItems: [
    { category: 'Personalausgaben', description: 'Sozialpädagogische Fachkraft, 10 Wochenstunden (TV-L S 11b)', amountCents: 900_000 },
    { category: 'Honorarausgaben', description: 'Übersetzung Polnisch/Türkisch, 40 Stunden à 45,00 €', amountCents: 180_000 },
    { category: 'Sachausgaben', description: 'Material für Begegnungsnachmittage', amountCents: 120_000 },
    { category: 'Miete', description: 'Raummiete Stadtteilzentrum, 12 Monate', amountCents: 150_000 },
  ],
  ownFundsCents: 150_000,
  thirdPartyFundsCents: 150_000,
  purpose: 'Förderung von Begegnung und Nachbarschaftshilfe im Planungsraum Rieth',
  conditions: 'Die Zuwendung darf nicht für Bewirtung verwendet werden.\n\nÖffentlichkeitsarbeit muss auf die Förderung durch die Landeshauptstadt Erfurt hinweisen.',
};

export const partialGrant: GrantModel = {
  ...grant,
  verification: verification('T5GW-P2LM-8KYE'),
  requestedCents: 1_200_000,
  grantedCents: 1_050_000,
  rationale:
    'Die beantragten Honorarausgaben für Übersetzungen wurden nur zur Hälfte als zuwendungsfähig anerkannt, weil ein Teil der Leistungen durch ehrenamtlich Mitwirkende erbracht werden kann.\n\n' +
    'Die Haushaltsmittel des Handlungsfelds Nachbarschaft sind für das Jahr 2027 weitgehend gebunden; eine höhere Förderung hätte andere, gleichrangig bewertete Vorhaben verdrängt.',
};

export const rejection: RejectionModel = {
  ...base,
  kind: 'rejection',
  verification: verification('A8LH-2NVB-6ZJS'),
  requestedCents: 1_050_000,
  rationale:
    'Das Projekt soll überwiegend außerhalb des Stadtgebiets durchgeführt werden; ein Bezug zu einem Erfurter Sozialraum ist nicht dargelegt.\n\n' +
    'Nach Nr. 2 FRL Soziales setzt eine Förderung voraus, dass das Vorhaben einem Planungsraum der Landeshauptstadt zugutekommt. ' +
    'Auch bei Ausübung des Ermessens überwiegt das Interesse, die begrenzten Haushaltsmittel für Vorhaben mit Sozialraumbezug einzusetzen.',
};

/** A supportive Stellungnahme to an ESF Plus application. */
export const statement: StatementModel = {
  kind: 'statement',
  reference: '50.3-STN-2027-0007',
  issuedAt: '2027-02-15T09:00:00.000Z',
  authority: authority,
  addressee: { name: 'Łódź-Brücke e.V.', street: 'Straße der Einheit 7', postalCode: '99085', city: 'Erfurt' },
  contact: { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@erfurt.de', phone: '0361 655-4712' },
  projectTitle: 'Brücken bauen im Rieth – Sprachmittlung und Nachbarschaft',
  submittedAt: '2027-01-20',
  verification: verification('S6TN-4MQX-7HVC'),
  funder: 'Europäischer Sozialfonds Plus (ESF Plus)',
  funderProgramme: 'ESF Plus – Soziale Innovation',
  summary:
    'Der Träger will im Rieth ehrenamtliche Sprachmittlerinnen und Sprachmittler gewinnen, qualifizieren und in Beratungsstellen, ' +
    'Kitas und Schulen des Stadtteils vermitteln.\n\nDas Projekt läuft vom 01.07.2027 bis 30.06.2029.',
  districtName: 'Rieth (Planungsraum Nord)',
  totalCostCents: 18_750_000,
  requestedFromFunderCents: 15_000_000,
  municipalContributionCents: 1_250_000,
  funderDeadline: '2027-03-31',
  position: 'supportive',
  sections: {
    need:
      'Der Ortsteil Rieth hat nach dem Erfurter Sozialindex einen der höchsten Werte der Stadt; der Anteil von Haushalten mit ' +
      'Migrationsgeschichte liegt deutlich über dem städtischen Durchschnitt.',
    planning: 'Das Vorhaben entspricht dem Integrationskonzept der Stadt und den Zielen der integrierten Sozialplanung für den Planungsraum Nord.',
    offers: 'Ein vergleichbares Angebot der ehrenamtlichen Sprachmittlung besteht im Planungsraum Nord nicht; eine Doppelstruktur entsteht nicht.',
    cooperation: 'Der Träger arbeitet mit dem Stadtteilbüro Rieth, zwei Grundschulen und dem Migrationsdienst zusammen; Kooperationsvereinbarungen liegen vor.',
    cofinancing: 'Die erbetene Kofinanzierung soll aus Mitteln der FRL Soziales für die Jahre 2027 und 2028 beantragt werden.',
  },
  reasons:
    'Das Vorhaben deckt einen belegten Bedarf im Sozialraum, ergänzt die bestehenden Angebote und ist gut vernetzt.\n\n' +
    'Die Planung ist schlüssig; die Kosten sind angemessen.',
  signedBy: { name: 'Dr. Katharina Müller-Lüdenscheidt', title: 'Amtsleiterin' },
};

/** Deterministic filler text of `words` words ending with the sentinel. */
export function longText(words: number, sentinel: string): string {
  const vocabulary = [
    'Zuwendungsempfänger', 'Verwendungsnachweis', 'Sozialraum', 'Nachbarschaft', 'Begegnung', 'Haushaltsmittel', 'Ehrenamt',
    'und', 'der', 'die', 'das', 'für', 'mit', 'im', 'wird', 'ist', 'Łódź', 'Yılmaz', 'Größe', 'Überprüfung', 'Maßnahme',
  ];
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(vocabulary[(i * 7 + (i >> 3)) % vocabulary.length]!);
    if (i % 90 === 89) out.push('.\n\n');
    else if (i % 15 === 14) out.push('.');
  }
  return `${out.join(' ').replace(/ \./g, '.').replace(/\n\n /g, '\n\n')} ${sentinel}.`;
}

export function longGrant(): GrantModel {
  const costItems = Array.from({ length: 40 }, (_, i) => ({
    category: ['Personalausgaben', 'Honorarausgaben', 'Sachausgaben', 'Miete', 'Öffentlichkeitsarbeit'][i % 5]!,
    description: `Position ${i + 1}: ${i % 3 === 0 ? 'Anteilige Ausgaben für Betreuung, Fahrtkosten und Verbrauchsmaterial im Quartier' : 'Einzelposten'}`,
    amountCents: 25_000 + i * 100,
  }));
  const costs = costItems.reduce((s, c) => s + c.amountCents, 0);
  return {
    ...partialGrant,
    reference: '50.2-FRL-2027-0099',
    costItems,
    ownFundsCents: 100_000,
    thirdPartyFundsCents: 50_000,
    grantedCents: costs - 150_000,
    requestedCents: costs,
    conditions: longText(2500, 'KONDITIONSENDE'),
    rationale: longText(2500, 'BEGRÜNDUNGSENDE') + ' Ein überlangesWortOhneLeerzeichenDasDieZeilenbreiteDeutlichÜberschreitetUndUmgebrochenWerdenMussDamitNichtsAbgeschnittenWirdXYZ Schlusswort SENTINELENDE',
  };
}
