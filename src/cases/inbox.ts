import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';
import { countedFilterOf, countIn, keptCounts } from './case-counts';

export interface InboxGroup {
  key: string;
  label: string;
  where: Record<string, unknown>;
}

/** The work inbox's groups: what is new, what I review, what waits for the provider, what awaits decision. */
export function inboxGroups(actor: Actor): InboxGroup[] {
  const groups: InboxGroup[] = [
    { key: 'neu', label: 'Neu eingegangen', where: { state: 'submitted' } },
    { key: 'meine', label: 'Von mir in Prüfung', where: { state: 'in_review', reviewerId: actor.id } },
    { key: 'pruefung', label: 'Alle in Prüfung', where: { state: 'in_review' } },
    { key: 'traeger', label: 'Wartet auf den Träger', where: { state: 'changes_requested' } },
    { key: 'entscheidung', label: 'Zur Entscheidung', where: { state: 'awaiting_decision' } },
    { key: 'entschieden', label: 'Entschieden', where: { state: { in: ['approved', 'rejected'] } } },
  ];
  if (actor.role === 'head') {
    const decision = groups.find((g) => g.key === 'entscheidung')!;
    return [decision, ...groups.filter((g) => g !== decision && g.key !== 'meine')];
  }
  return groups;
}

/**
 * Each group's number of cases, all from one read of the kept counts: a query per group cost a
 * round trip and Prisma's overhead on every view, and counting a reviewer's cases grew with them.
 */
export async function inboxCounts(db: Db, actor: Actor, kind: string) {
  const kept = await keptCounts(db, kind);
  return inboxGroups(actor).map((g) => {
    const filter = countedFilterOf(g.where);
    if (!filter) throw new Error(`an inbox group must be countable from the kept counts: ${JSON.stringify(g.where)}`);
    return { key: g.key, label: g.label, count: countIn(kept, filter) };
  });
}
