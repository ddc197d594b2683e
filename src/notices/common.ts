/**
 * Parts shared by the notice templates: validation, the letter frame (information block,
 * salutation, closing), the legal remedy notice and the model fingerprint.
 */
import { createHash } from 'node:crypto';
import { compareCalendarDates, formatDate, toCalendarDate } from './format';
import type { InfoRow, Letter } from './letter';
import { loadLetter } from './load-letter';
import { NoticeModelError, type NoticeBase, type NoticeKind } from './model';

const TITLES: Record<NoticeKind, string> = {
  receipt: 'Eingangsbestätigung',
  request_for_changes: 'Nachforderung von Unterlagen',
  grant: 'Zuwendungsbescheid',
  rejection: 'Ablehnungsbescheid',
  statement: 'Stellungnahme',
};

/** German title of a notice kind, e.g. "Zuwendungsbescheid". */
export function noticeTitle(kind: NoticeKind): string {
  const title = TITLES[kind];
  if (!title) throw new Error(`Unknown notice kind: ${String(kind)}`);
  return title;
}

export const DEFAULT_GUIDELINE = 'Förderrichtlinie Soziales (FRL Soziales)';

// ---------------------------------------------------------------------------------------------
// Validation

/** Collects every missing or invalid part, then throws one NoticeModelError naming them all. */
export class Checks {
  readonly problems: string[] = [];

  constructor(readonly kind: NoticeKind) {}

  text(value: unknown, field: string, label: string): void {
    if (typeof value !== 'string' || value.trim() === '') this.problems.push(`${field} (${label}) is missing`);
  }

  date(value: unknown, field: string, label: string): boolean {
    if (typeof value !== 'string' || value.trim() === '') {
      this.problems.push(`${field} (${label}) is missing`);
      return false;
    }
    try {
      toCalendarDate(value);
      return true;
    } catch {
      this.problems.push(`${field} (${label}) is not a valid date: ${value}`);
      return false;
    }
  }

  cents(value: unknown, field: string, label: string, opts: { positive?: boolean } = {}): boolean {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.problems.push(`${field} (${label}) must be an amount in whole cents`);
      return false;
    }
    if (value < 0 || (opts.positive && value === 0)) {
      this.problems.push(`${field} (${label}) must be ${opts.positive ? 'positive' : 'zero or more'}`);
      return false;
    }
    return true;
  }

  fail(problem: string): void {
    this.problems.push(problem);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new NoticeModelError(this.kind, this.problems);
  }
}

/** Longest verification URL: up to this the QR code (level M, 23 mm) keeps modules of 0.4 mm or more. */
export const MAX_VERIFICATION_URL = 200;

/** Checks the parts every notice needs: authority, addressee, reference, date, contact, project, verification. */
export function checkBase(model: NoticeBase, checks: Checks, opts: { submittedAt: boolean }): void {
  checks.text(model.reference, 'reference', 'Aktenzeichen');
  const issued = checks.date(model.issuedAt, 'issuedAt', 'Datum des Schreibens');
  checks.text(model.projectTitle, 'projectTitle', 'Projekttitel');
  if (model.replaces) {
    checks.text(model.replaces.code, 'replaces.code', 'Prüfcode des ersetzten Dokuments');
    checks.text(model.replaces.reason, 'replaces.reason', 'Grund der Berichtigung');
    checks.date(model.replaces.issuedAt, 'replaces.issuedAt', 'Datum des ersetzten Dokuments');
  }
  const a = model.authority;
  if (!a) checks.fail('authority (Behörde) is missing');
  else {
    checks.text(a.name, 'authority.name', 'Behörde');
    checks.text(a.department, 'authority.department', 'Amt');
    checks.text(a.street, 'authority.street', 'Anschrift der Behörde');
    checks.text(a.postalCode, 'authority.postalCode', 'Postleitzahl der Behörde');
    checks.text(a.city, 'authority.city', 'Ort der Behörde');
    checks.text(a.email, 'authority.email', 'E-Mail der Behörde');
    checks.text(a.phone, 'authority.phone', 'Telefon der Behörde');
    checks.text(a.signatoryName, 'authority.signatoryName', 'Name der zeichnenden Person');
    checks.text(a.signatoryTitle, 'authority.signatoryTitle', 'Funktion der zeichnenden Person');
  }
  const r = model.addressee;
  if (!r) checks.fail('addressee (Empfänger) is missing');
  else {
    checks.text(r.name, 'addressee.name', 'Name des Empfängers');
    checks.text(r.street, 'addressee.street', 'Anschrift des Empfängers');
    checks.text(r.postalCode, 'addressee.postalCode', 'Postleitzahl des Empfängers');
    checks.text(r.city, 'addressee.city', 'Ort des Empfängers');
  }
  if (!model.contact) checks.fail('contact (Ansprechperson) is missing');
  else {
    checks.text(model.contact.name, 'contact.name', 'Ansprechperson');
    checks.text(model.contact.email, 'contact.email', 'E-Mail der Ansprechperson');
  }
  const v = model.verification;
  if (!v || typeof v !== 'object') checks.fail('verification (Prüfcode und Prüfadresse) is missing');
  else {
    checks.text(v.code, 'verification.code', 'Prüfcode');
    checks.text(v.url, 'verification.url', 'Prüfadresse');
    // Longer URLs make the QR modules too small to scan at the printed size.
    if (typeof v.url === 'string' && v.url.length > MAX_VERIFICATION_URL) {
      checks.fail(`verification.url (Prüfadresse) is longer than ${MAX_VERIFICATION_URL} characters`);
    }
  }
  if (opts.submittedAt) {
    const submitted = checks.date(model.submittedAt, 'submittedAt', 'Antragsdatum');
    if (submitted && issued && compareCalendarDates(toCalendarDate(model.submittedAt!), toCalendarDate(model.issuedAt)) > 0) {
      checks.fail('submittedAt (Antragsdatum) lies after issuedAt (Datum des Schreibens)');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Letter frame

/** SHA-256 over the model with sorted keys: the same content gives the same digest. */
export function fingerprint(model: unknown): string {
  return createHash('sha256').update(stableJson(model)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function infoRows(model: NoticeBase): InfoRow[] {
  const rows: InfoRow[] = [{ label: 'Aktenzeichen', value: model.reference }];
  if (model.submittedAt) rows.push({ label: 'Ihr Antrag vom', value: formatDate(model.submittedAt) });
  rows.push({ label: 'Datum', value: formatDate(model.issuedAt) });
  rows.push({ label: 'Ansprechperson', value: model.contact.name });
  rows.push({ label: 'E-Mail', value: model.contact.email });
  if (model.contact.phone) rows.push({ label: 'Telefon', value: model.contact.phone });
  return rows;
}

/** Opens a letter for the model with the standard frame and metadata. */
export async function openLetter(model: NoticeBase, subject: string, title = noticeTitle(model.kind)): Promise<Letter> {
  const { Letter } = loadLetter();
  const issued = toCalendarDate(model.issuedAt);
  const letter = await Letter.create({
    authority: model.authority,
    addressee: model.addressee,
    info: infoRows(model),
    subject,
    runningHeader: `${title} vom ${formatDate(issued)} · Az. ${model.reference}`,
    metadata: {
      title: `${title} – Az. ${model.reference}`,
      subject: `${title}: ${model.projectTitle}`,
      keywords: [title, model.reference, model.addressee.name],
      date: new Date(model.issuedAt),
    },
    fingerprint: fingerprint(model),
  });
  letter.verificationBlock(model.verification);
  if (model.replaces) {
    letter.heading('Berichtigung');
    letter.paragraph(
      `Dieses Dokument ersetzt das Dokument vom ${formatDate(model.replaces.issuedAt)} mit dem Prüfcode ${model.replaces.code}; ` +
        `jenes verliert seine Wirkung. Grund der Berichtigung: ${model.replaces.reason}`,
      { spaceAfter: 8 },
    );
  }
  letter.paragraph('Sehr geehrte Damen und Herren,', { spaceAfter: 8 });
  return letter;
}

/** The authority's legal remedy text ("Gegen diesen Bescheid kann … Widerspruch …"). */
export function legalRemedy(letter: Letter, model: NoticeBase): void {
  letter.heading('Rechtsbehelfsbelehrung');
  letter.paragraphs(model.authority.texts.legalRemedy);
}

/** The authority's notice on the processing of personal data (Art. 13 GDPR). */
export function dataProtection(letter: Letter, model: NoticeBase): void {
  letter.heading('Hinweise zum Datenschutz');
  letter.paragraphs(model.authority.texts.dataProtection);
}

/** The authority's texts a notice kind prints; each must be there. */
export function checkTexts(model: NoticeBase, checks: Checks, keys: Array<keyof NoticeBase['authority']['texts']>): void {
  const labels: Record<string, string> = {
    legalRemedy: 'Rechtsbehelfsbelehrung',
    paymentTerms: 'Auszahlungsbestimmungen',
    proofOfUseTerms: 'Bestimmungen zum Verwendungsnachweis',
    dataProtection: 'Hinweise zum Datenschutz',
  };
  for (const key of keys) checks.text(model.authority?.texts?.[key], `authority.texts.${key}`, labels[key]!);
}

/**
 * Greeting, "Im Auftrag", name and function, and the note on electronic issue. The block is
 * narrow, so on page 1 it may stand beside the verification block.
 */
export function closing(letter: Letter, signatory: { name: string; title?: string }, document: 'Bescheid' | 'Schreiben'): void {
  const note =
    document === 'Bescheid'
      ? 'Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig.'
      : 'Dieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift gültig.';
  const signature = signatory.title ? `Im Auftrag\n${signatory.name}\n${signatory.title}` : `Im Auftrag\n${signatory.name}`;
  // Greeting and signature lines (leading 14, 12 after each paragraph) and the note (leading 11.5).
  const lines = 1 + letter.lineCount(signature, { narrow: true });
  letter.space(4);
  letter.keepTogether(lines * 14 + 24 + 11.5 * letter.lineCount(note, { size: 8.5, narrow: true }), { narrow: true });
  letter.paragraph('Mit freundlichen Grüßen', { spaceAfter: 12, narrow: true });
  letter.paragraph(signature, { spaceAfter: 12, narrow: true });
  letter.paragraph(note, { size: 8.5, narrow: true });
}
