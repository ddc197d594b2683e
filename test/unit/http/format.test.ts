import { formatDate, formatDateTime } from '../../../src/http/format';

describe('German formatting', () => {
  it('when a date is shown, then it is DD.MM.YYYY in Berlin time', () => {
    expect(formatDate(new Date('2026-12-31T23:30:00Z'))).toBe('01.01.2027');
    expect(formatDateTime('2027-01-01T08:05:00Z')).toBe('01.01.2027, 09:05 Uhr');
  });
});
