/**
 * German formatting for notices: money, dates and periods.
 *
 * Dates are calendar dates in Europe/Berlin. A date-only string ('2027-01-01') is a calendar date
 * and is never shifted by a time zone; a timestamp or Date is converted to the Berlin calendar day.
 */

const euroFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const percentFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const berlinDateParts = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 1050000 → "10.500,00 €". Intl puts a no-break space (U+00A0) before "€"; DejaVu Sans has that
 * glyph, so it is kept: it also stops the line breaker from separating the amount from its unit.
 */
export function formatEuro(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`formatEuro: amount must be whole cents, got ${cents}`);
  return euroFormat.format(cents / 100);
}

/** 12.5 → "12,5 %" (no-break space before the sign, like the amount). */
export function formatPercent(value: number): string {
  return `${percentFormat.format(value)}\u00a0%`;
}

/** A calendar day, independent of any time zone. */
export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parses '2027-01-01', an ISO timestamp or a Date into the Berlin calendar day. */
export function toCalendarDate(value: string | Date): CalendarDate {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      // Reject 2027-02-30 and the like instead of letting Date roll it over.
      const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
      if (check.getUTCFullYear() !== date.year || check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) {
        throw new Error(`Invalid date: ${value}`);
      }
      return date;
    }
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid date: ${String(value)}`);
  const parts = berlinDateParts.formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** '2027-01-01' | Date | ISO timestamp → "01.01.2027" (Berlin calendar day). */
export function formatDate(value: string | Date | CalendarDate): string {
  const d = typeof value === 'object' && !(value instanceof Date) ? value : toCalendarDate(value);
  return `${pad(d.day)}.${pad(d.month)}.${pad(d.year, 4)}`;
}

/** Compares calendar days: negative when a is before b. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Adds whole months; a day that the target month lacks becomes its last day (31.12. + 6 months →
 * 30.06.), as for deadlines counted in months (§ 31 VwVfG with § 188 Abs. 2, 3 BGB).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}
