import type { Response } from 'supertest';
import type { Db } from '../../../src/db/client';

/**
 * Starts every request at once and waits for all: the requests reach the server in parallel
 * (each supertest call opens its own connection), so the database decides who wins.
 */
export function race(requests: (() => PromiseLike<Response>)[]): Promise<Response[]> {
  return Promise.all(requests.map((r) => Promise.resolve().then(r)));
}

/** Exactly one winner with `winner`; every other response one of the precise refusals, never a 5xx. */
export function expectOneWinner(responses: Response[], winner: number, losers: number[] = [409]): { won: Response; lost: Response[] } {
  const statuses = responses.map((r) => r.status);
  const won = responses.filter((r) => r.status === winner);
  const lost = responses.filter((r) => r.status !== winner);
  expect({ statuses, winners: won.length }).toEqual({ statuses, winners: 1 });
  for (const r of lost) {
    expect(losers).toContain(r.status);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  }
  return { won: won[0]!, lost };
}

/** The audit actions of a case in order, e.g. ['CREATE', 'ATTACH', …, 'SUBMIT']. */
export async function auditActions(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { subjectType: 'case', subjectId: caseId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => r.action);
}

export const count = (list: string[], item: string) => list.filter((x) => x === item).length;
