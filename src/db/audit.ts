import type { Tx } from './client';

export interface AuditEntry {
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  payload?: Record<string, unknown>;
}

/** Appends to the audit trail inside the caller's transaction, so a change never lacks its record. */
export async function recordAudit(tx: Tx, entry: AuditEntry, at: Date): Promise<string> {
  const row = await tx.auditEvent.create({
    data: {
      at,
      actorId: entry.actorId,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      payload: JSON.stringify(entry.payload ?? {}),
    },
    select: { id: true },
  });
  return row.id;
}
