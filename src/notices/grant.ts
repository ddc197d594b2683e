import { Checks, checkBase, checkTexts, closing, dataProtection, DEFAULT_GUIDELINE, legalRemedy, openLetter } from './common';
import { addMonths, compareCalendarDates, formatDate, formatEuro, formatPercent, toCalendarDate } from './format';
import { bold, plain } from './inline';
import type { FinancingType, GrantModel } from './model';

export const FINANCING_TYPE_LABELS: Record<FinancingType, string> = {
  deficit: 'Fehlbedarfsfinanzierung',
  proportional: 'Anteilfinanzierung',
  fixed: 'Festbetragsfinanzierung',
};

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

const NUMBER_WORDS = ['', 'einem Monat', 'zwei Monaten', 'drei Monaten', 'vier Monaten', 'fünf Monaten', 'sechs Monaten', 'sieben Monaten', 'acht Monaten', 'neun Monaten', 'zehn Monaten', 'elf Monaten', 'zwölf Monaten'];

/** "sechs Monaten", as German legal texts write small numbers. */
function monthsInWords(months: number): string {
  return NUMBER_WORDS[months] ?? `${months} Monaten`;
}

export function isPartialGrant(model: GrantModel): boolean {
  return model.grantedCents < model.requestedCents;
}

export function validateGrant(model: GrantModel): void {
  const checks = new Checks('grant');
  checkBase(model, checks, { submittedAt: true });
  checkTexts(model, checks, ['paymentTerms', 'proofOfUseTerms', 'dataProtection', 'legalRemedy']);
  const months = model.authority?.proofOfUseMonths;
  if (!Number.isInteger(months) || months < 1 || months > 24) {
    checks.fail(`authority.proofOfUseMonths (Frist für den Verwendungsnachweis) must be 1 to 24 months: ${String(months)}`);
  }
  checks.text(model.purpose, 'purpose', 'Zuwendungszweck');
  checks.text(model.authority?.generalConditions?.name, 'authority.generalConditions.name', 'Allgemeine Nebenbestimmungen');
  checks.text(model.authority?.generalConditions?.version, 'authority.generalConditions.version', 'Fassung der Allgemeinen Nebenbestimmungen');
  if (!(model.financingType in FINANCING_TYPE_LABELS)) checks.fail(`financingType (Finanzierungsart) is missing or unknown: ${String(model.financingType)}`);

  const requested = checks.cents(model.requestedCents, 'requestedCents', 'beantragter Betrag', { positive: true });
  const granted = checks.cents(model.grantedCents, 'grantedCents', 'bewilligter Betrag', { positive: true });
  if (requested && granted) {
    if (model.grantedCents > model.requestedCents) checks.fail('grantedCents (bewilligter Betrag) exceeds requestedCents (beantragter Betrag)');
    if (isPartialGrant(model) && (typeof model.rationale !== 'string' || model.rationale.trim() === '')) {
      checks.fail('rationale (Begründung der teilweisen Ablehnung) is required for a partial grant');
    }
  }

  const start = checks.date(model.periodStart, 'periodStart', 'Beginn des Bewilligungszeitraums');
  const end = checks.date(model.periodEnd, 'periodEnd', 'Ende des Bewilligungszeitraums');
  if (start && end && compareCalendarDates(toCalendarDate(model.periodStart), toCalendarDate(model.periodEnd)) > 0) {
    checks.fail('periodStart (Beginn des Bewilligungszeitraums) lies after periodEnd');
  }

  let plan = true;
  if (!Array.isArray(model.costItems) || model.costItems.length === 0) {
    checks.fail('costItems (Kosten- und Finanzierungsplan: Ausgaben) is missing');
    plan = false;
  } else {
    model.costItems.forEach((item, i) => {
      checks.text(item.category, `costItems[${i}].category`, 'Kostenkategorie');
      if (!checks.cents(item.amountCents, `costItems[${i}].amountCents`, 'Betrag')) plan = false;
    });
  }
  plan = checks.cents(model.ownFundsCents, 'ownFundsCents', 'Eigenmittel') && plan;
  plan = checks.cents(model.thirdPartyFundsCents, 'thirdPartyFundsCents', 'Drittmittel') && plan;
  if (plan && granted) {
    const costs = sum(model.costItems.map((c) => c.amountCents));
    const funds = model.ownFundsCents + model.thirdPartyFundsCents + model.grantedCents;
    if (costs !== funds) {
      checks.fail(
        `cost and financing plan (Kosten- und Finanzierungsplan) does not balance: costs ${formatEuro(costs)} ≠ ` +
          `own funds + third-party funds + grant ${formatEuro(funds)}`,
      );
    }
  }
  checks.throwIfAny();
}

/** Zuwendungsbescheid (full or partial grant). */
export async function renderGrant(model: GrantModel): Promise<Uint8Array> {
  validateGrant(model);
  const a = model.authority;
  const guideline = a.fundingGuideline ?? DEFAULT_GUIDELINE;
  const partial = isPartialGrant(model);
  const granted = formatEuro(model.grantedCents);
  const totalCosts = sum(model.costItems.map((c) => c.amountCents));
  const financing = FINANCING_TYPE_LABELS[model.financingType];
  const period = `${formatDate(model.periodStart)} bis ${formatDate(model.periodEnd)}`;
  const proofDue = formatDate(addMonths(toCalendarDate(model.periodEnd), a.proofOfUseMonths));
  const authorityAddress = `${a.name}, ${a.department}, ${a.street}, ${a.postalCode} ${a.city}`;

  const letter = await openLetter(
    model,
    `Zuwendungsbescheid${partial ? ' (teilweise Bewilligung)' : ''} – Projekt „${model.projectTitle}“`,
  );
  letter.paragraph(`über Ihren Antrag auf Gewährung einer Zuwendung nach der ${guideline} entscheiden wir wie folgt:`);

  // 1. Tenor
  letter.heading('1. Bewilligung');
  letter.paragraph([
    plain(`Auf Ihren Antrag vom ${formatDate(model.submittedAt)} bewilligen wir Ihnen als Projektförderung im Wege der ${financing} eine Zuwendung in Höhe von `),
    bold(`höchstens ${granted}`),
    plain(` für das Projekt „${model.projectTitle}“ im Bewilligungszeitraum vom ${period}.`),
  ]);
  if (partial) {
    letter.paragraph([
      plain(`Beantragt waren ${formatEuro(model.requestedCents)}. `),
      bold(`Im Übrigen, in Höhe von ${formatEuro(model.requestedCents - model.grantedCents)}, wird Ihr Antrag abgelehnt.`),
      plain(' Die Gründe sind unter Nr. 8 dargelegt.'),
    ]);
  }

  // 2. Type, amount, period, purpose
  letter.heading('2. Art und Umfang der Zuwendung');
  const financingValue =
    model.financingType === 'proportional'
      ? `${financing} (${formatPercent(Math.round((model.grantedCents / totalCosts) * 10000) / 100)} der zuwendungsfähigen Ausgaben)`
      : financing;
  letter.keyValues([
    ['Zuwendungsart', 'Projektförderung'],
    ['Finanzierungsart', financingValue],
    ['Form', 'nicht rückzahlbarer Zuschuss'],
    ['Höhe der Zuwendung', [bold(`höchstens ${granted}`)]],
    ['Zuwendungsfähige Ausgaben', formatEuro(totalCosts)],
    ['Bewilligungszeitraum', period],
    ['Zuwendungszweck', model.purpose],
  ]);
  const financingRule: Record<FinancingType, string> = {
    deficit:
      'Die Zuwendung deckt den Fehlbetrag, der nach Einsatz der Eigen- und Drittmittel verbleibt. Verringern sich die ' +
      'zuwendungsfähigen Ausgaben oder erhöhen sich die Deckungsmittel, ermäßigt sich die Zuwendung um den vollen Betrag.',
    proportional:
      'Die Zuwendung wird als Anteil der zuwendungsfähigen Ausgaben gewährt. Verringern sich die zuwendungsfähigen Ausgaben ' +
      'oder erhöhen sich die Deckungsmittel, ermäßigt sich die Zuwendung anteilig.',
    fixed:
      'Die Zuwendung wird als fester Betrag gewährt. Sie ermäßigt sich nur, wenn die zuwendungsfähigen Ausgaben unter ' +
      'den Betrag der Zuwendung sinken.',
  };
  letter.paragraph(financingRule[model.financingType]);
  letter.paragraph(
    'Die Zuwendung wird im Rahmen der verfügbaren Haushaltsmittel gewährt. Sie darf nur für den oben genannten Zweck ' +
      'und nur für Ausgaben verwendet werden, die im Bewilligungszeitraum entstehen.',
  );

  // 3. Cost and financing plan
  letter.heading('3. Kosten- und Finanzierungsplan');
  letter.paragraph(
    'Der folgende Kosten- und Finanzierungsplan ist Bestandteil dieses Bescheids und hinsichtlich des Gesamtergebnisses ' +
      'verbindlich. Abweichungen bei den Einzelansätzen sind nur nach Maßgabe der Allgemeinen Nebenbestimmungen zulässig.',
  );
  const columns = [
    { header: 'Kategorie', width: 135 },
    { header: 'Beschreibung' },
    { header: 'Betrag', width: 90, align: 'right' as const },
  ];
  letter.heading('Ausgaben', 2);
  letter.table({
    columns,
    rows: model.costItems.map((c) => [c.category, c.description ?? '', formatEuro(c.amountCents)]),
    total: ['Gesamtausgaben', '', formatEuro(totalCosts)],
  });
  letter.heading('Finanzierung', 2);
  const share = (cents: number): string => (totalCosts > 0 ? `${formatPercent(Math.round((cents / totalCosts) * 1000) / 10)} der Ausgaben` : '');
  letter.table({
    columns,
    rows: [
      ['Eigenmittel', `Eigenanteil des Zuwendungsempfängers (${share(model.ownFundsCents)})`, formatEuro(model.ownFundsCents)],
      ['Drittmittel', `Mittel Dritter (${share(model.thirdPartyFundsCents)})`, formatEuro(model.thirdPartyFundsCents)],
      ['Zuwendung', `Zuwendung der ${a.name} (${share(model.grantedCents)})`, granted],
    ],
    total: ['Gesamtfinanzierung', '', formatEuro(model.ownFundsCents + model.thirdPartyFundsCents + model.grantedCents)],
  });

  // 4. Payment
  letter.heading('4. Auszahlung (Mittelabruf)');
  letter.paragraphs(a.texts.paymentTerms);

  // 5. Proof of use
  letter.heading('5. Verwendungsnachweis');
  letter.paragraph([
    plain(`Die Verwendung der Zuwendung ist innerhalb von ${monthsInWords(a.proofOfUseMonths)} nach Ablauf des Bewilligungszeitraums, also `),
    bold(`bis zum ${proofDue}`),
    plain(`, bei der ${authorityAddress} nachzuweisen (Einreichung über das Förderportal Soziales).`),
  ]);
  letter.paragraphs(a.texts.proofOfUseTerms);

  // 6. Ancillary provisions
  letter.heading('6. Nebenbestimmungen');
  letter.paragraph([
    plain('Die '),
    bold(`${a.generalConditions.name} (${a.generalConditions.version})`),
    plain(' sind Bestandteil dieses Bescheids und von Ihnen zu beachten.'),
  ]);
  if (model.conditions && model.conditions.trim() !== '') {
    letter.heading('Besondere Nebenbestimmungen', 2);
    letter.paragraphs(model.conditions);
  } else {
    letter.paragraph('Besondere Nebenbestimmungen werden nicht festgesetzt.');
  }

  // 7. Notes
  letter.heading('7. Hinweise');
  letter.paragraph(
    'Änderungen, die für die Bewilligung erheblich sind, insbesondere eine Ermäßigung der Ausgaben, zusätzliche Deckungsmittel ' +
      'oder eine Änderung des Zuwendungszwecks, sind uns unverzüglich über das Förderportal Soziales mitzuteilen. Bei Verstößen ' +
      'gegen diesen Bescheid kann die Zuwendung ganz oder teilweise zurückgefordert werden.',
  );

  // 8. Reasons for the part refused
  if (partial) {
    letter.heading('8. Begründung der teilweisen Ablehnung');
    letter.paragraph(
      `Sie haben eine Zuwendung in Höhe von ${formatEuro(model.requestedCents)} beantragt. Bewilligt werden ${granted}; ` +
        `in Höhe von ${formatEuro(model.requestedCents - model.grantedCents)} wird der Antrag abgelehnt. Zuwendungen nach der ` +
        `${guideline} sind freiwillige Leistungen, auf die kein Rechtsanspruch besteht; über sie wird nach pflichtgemäßem ` +
        'Ermessen im Rahmen der verfügbaren Haushaltsmittel entschieden. Für die teilweise Ablehnung waren folgende Gründe maßgebend:',
    );
    letter.paragraphs(model.rationale ?? '');
  }

  dataProtection(letter, model);
  legalRemedy(letter, model);
  closing(letter, { name: a.signatoryName, title: a.signatoryTitle }, 'Bescheid');
  return letter.save();
}
