import type { Case } from '../generated/sqlite/client';
import type { Actor } from '../auth/policy';
import type { Tx } from '../db/client';

export type CaseRow = Case;

/** The machine's persisted form: state name and context. */
export interface Persisted {
  value: string;
  context: unknown;
}

export type KindDecision =
  | { ok: true; next: Persisted; from: string; to: string; effects: string[] }
  | { ok: false };

/** What a submission check found: the missing parts, and the facts the machine's guards need. */
export interface SubmissionCheck {
  missing: { path: string; message: string }[];
  facts: unknown;
}

/**
 * Everything the one engine needs to know about a kind of case. Applications and statements
 * each provide one; engine, attachments, comments, notices and pages are shared.
 */
export interface CaseKind {
  kind: 'application' | 'statement';
  machineVersion: number;
  eventTypes: readonly string[];
  /** Events the applicant sends; they need the case to be complete. */
  submissionEvents: readonly string[];
  initial(organisationId: string): Persisted;
  migrate(persisted: Persisted, fromVersion: number): Persisted;
  decide(persisted: Persisted, event: { type: string; actor: Actor } & Record<string, unknown>): KindDecision;
  allowedEvents(persisted: Persisted, actor: Actor): string[];
  /** Who may send this event at all (role, organisation, reviewer, four-eyes): false is a 403. */
  mayAttempt(actor: Actor, eventType: string, row: CaseRow): boolean;
  /** Validates an event's payload (422) and converts it to what the machine expects. */
  parseEvent(type: string, body: unknown, ctx: { row: CaseRow; now: Date }): Record<string, unknown>;
  checkSubmission(tx: Tx, row: CaseRow): Promise<SubmissionCheck>;
  /**
   * Work an accepted event does in the engine's own transaction, before the case row is written
   * (the round and budget of an application); throws to refuse the event with nothing written.
   * Returns further columns to write.
   */
  inTransaction?(
    tx: Tx,
    type: string,
    payload: Record<string, unknown>,
    ctx: { actor: Actor; now: Date; row: CaseRow },
  ): Promise<Record<string, unknown>>;
  /** Columns an accepted event changes besides state, context and version. */
  columnsFor(
    type: string,
    payload: Record<string, unknown>,
    ctx: { actor: Actor; now: Date; row: CaseRow; next: Persisted },
  ): Record<string, unknown>;
}
