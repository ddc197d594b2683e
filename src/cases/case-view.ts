import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';
import type { CaseKind, CaseRow } from './case-kind';
import { persistedOf } from './engine/apply-event';
import { loadCaseDetails } from './case-details';

/** The events the caller could send now: the machine's answer, narrowed by who may attempt them. */
export function allowedEventsFor(kind: CaseKind, actor: Actor, row: CaseRow): string[] {
  return kind.allowedEvents(persistedOf(kind, row), actor).filter((type) => kind.mayAttempt(actor, type, row));
}

export async function loadCaseView(db: Db, kind: CaseKind, actor: Actor, row: CaseRow) {
  const details = await loadCaseDetails(db, actor, row);
  return { details, allowedEvents: allowedEventsFor(kind, actor, row) };
}
