/** Time comes from here, so that deadlines and expiries are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Building a formatter loads time-zone data each time; one serves every request.
const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** The calendar day (YYYY-MM-DD) in the authority's time zone: deadlines are days in Germany. */
export function todayInBerlin(now: Date): string {
  return berlinDay.format(now);
}
