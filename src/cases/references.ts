import type { Tx } from '../db/client';

/**
 * The next case reference ("FRL-2027-0001") from a counter row inside the caller's
 * transaction, so two simultaneous drafts never share a number.
 */
export async function nextReference(tx: Tx, prefix: string, year: number): Promise<string> {
  const key = `${prefix}-${year}`;
  const counter = await tx.counter.upsert({
    where: { key },
    create: { key, value: 1 },
    update: { value: { increment: 1 } },
  });
  return `${key}-${String(counter.value).padStart(4, '0')}`;
}
