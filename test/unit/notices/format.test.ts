import { addMonths, formatDate, formatEuro, formatPercent, toCalendarDate } from '../../../src/notices/format';

const nbsp = (s: string): string => s.replace(/ /g, '\u00a0');

describe('notice formatting', () => {
  it('when cents are formatted, then the German currency format with a no-break space before € is used', () => {
    expect(formatEuro(1_050_000)).toBe(nbsp('10.500,00 €'));
    expect(formatEuro(5)).toBe(nbsp('0,05 €'));
    expect(formatEuro(123_456_789)).toBe(nbsp('1.234.567,89 €'));
    expect(formatPercent(12.5)).toBe(nbsp('12,5 %'));
  });

  it('when an amount is not whole cents, then formatting throws', () => {
    expect(() => formatEuro(10.5)).toThrow(/whole cents/);
  });

  it('when a date-only string is formatted, then it is the same calendar day in DD.MM.YYYY', () => {
    expect(formatDate('2027-01-01')).toBe('01.01.2027');
    expect(formatDate('2027-12-31')).toBe('31.12.2027');
  });

  it('when a timestamp or Date is formatted, then the Europe/Berlin calendar day is shown', () => {
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('01.01.2027');
    expect(formatDate(new Date('2027-06-30T22:30:00.000Z'))).toBe('01.07.2027');
    expect(formatDate('2027-01-01T12:00:00+01:00')).toBe('01.01.2027');
  });

  it('when a date is invalid, then parsing throws', () => {
    expect(() => toCalendarDate('2027-02-30')).toThrow(/Invalid date/);
    expect(() => formatDate('gestern')).toThrow(/Invalid date/);
  });

  it('when six months are added to the end of a month, then the day is clamped to the target month', () => {
    expect(formatDate(addMonths(toCalendarDate('2027-12-31'), 6))).toBe('30.06.2028');
    expect(formatDate(addMonths(toCalendarDate('2027-08-31'), 6))).toBe('29.02.2028');
    expect(formatDate(addMonths(toCalendarDate('2027-03-15'), 6))).toBe('15.09.2027');
  });
});
