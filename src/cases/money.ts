/** Money is integer cents everywhere inside; the API speaks "10500.00", people read "10.500,00 €". */

const API_MONEY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
const GERMAN_MONEY = /^(\d{1,3}(\.\d{3})+|\d{1,12})(,\d{1,2})?$/;

/**
 * The largest amount anywhere (20 million euros): amounts are stored as 32-bit integers of cents
 * (at most 21,474,836.47 €), and a round figure is what people can be told.
 */
export const MAX_CENTS = 20_000_000_00;

/** Parses the API's decimal string ("10500.00", "10500", "10500.5") into cents. */
export function parseApiMoney(value: string): number | null {
  const trimmed = value.trim();
  if (!API_MONEY.test(trimmed)) return null;
  const [euros, fraction = ''] = trimmed.split('.');
  return Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Parses what people type in a form: "10.500,00", "10500,5", "10500" or the API form. */
export function parseGermanMoney(value: string): number | null {
  const trimmed = value.trim().replace(/\s|€/g, '');
  if (GERMAN_MONEY.test(trimmed)) {
    const [euros = '0', fraction = ''] = trimmed.split(',');
    return Number(euros.replace(/\./g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  }
  return parseApiMoney(trimmed);
}

export function toApiMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

const germanAmount = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A form field's value: "10.500,00" without the currency sign. */
export function toGermanInput(cents: number): string {
  return germanAmount.format(cents / 100);
}

/** A form's German amount in the API's form; what cannot be read is passed on for the schema to refuse. */
export function germanToApiMoney(value: string): string {
  const cents = parseGermanMoney(value);
  return cents === null ? value : toApiMoney(cents);
}
