import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';
import type { CaseRow } from './case-kind';

export interface HistoryEntry {
  at: Date;
  actorId: string | null;
  actorName: string;
  event: string;
  from: string | null;
  to: string | null;
  payload: Record<string, unknown>;
}

/** Comments a caller may read: applicants only those shared with them. */
export function visibleCommentsWhere(actor: Actor) {
  return actor.role === 'applicant' ? { visibility: 'shared' } : {};
}

/** Everything shown around a case: one query per concern (people once for all), shared by pages and API. */
export async function loadCaseDetails(db: Db, actor: Actor, row: CaseRow) {
  const [organisation, attachments, comments, notices, audit] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: row.organisationId } }),
    // Ties in time (parallel requests) are broken by id, so every reader sees one order.
    db.attachment.findMany({ where: { caseId: row.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.comment.findMany({ where: { caseId: row.id, ...visibleCommentsWhere(actor) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.notice.findMany({
      where: { caseId: row.id },
      select: { id: true, kind: true, sha256: true, createdAt: true, replacesId: true },
      orderBy: { createdAt: 'asc' },
    }),
    db.auditEvent.findMany({ where: { subjectType: 'case', subjectId: row.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  ]);
  // Comment authors, history actors and the reviewer in one query rather than one each.
  const personIds = [
    ...new Set([...comments.map((c) => c.authorId), ...audit.map((a) => a.actorId), row.reviewerId].filter((id): id is string => id !== null)),
  ];
  const people = personIds.length ? await db.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true, role: true } }) : [];
  const personOf = new Map(people.map((p) => [p.id, p]));
  // Internal comments stay internal in the history too.
  const visibleAudit =
    actor.role === 'applicant' ? audit.filter((a) => !(a.action === 'COMMENT' && a.payload.includes('"internal"'))) : audit;
  const history: HistoryEntry[] = visibleAudit.map((a) => ({
    at: a.at,
    actorId: a.actorId,
    actorName: a.actorId ? (personOf.get(a.actorId)?.name ?? '–') : 'System',
    event: a.action,
    from: a.fromState,
    to: a.toState,
    payload: JSON.parse(a.payload) as Record<string, unknown>,
  }));
  const withAuthors = comments.map((c) => {
    const author = personOf.get(c.authorId)!;
    return { ...c, author: { name: author.name, role: author.role } };
  });
  const reviewerName = row.reviewerId ? (personOf.get(row.reviewerId)?.name ?? null) : null;
  return { organisation, attachments, comments: withAuthors, notices, history, reviewerName };
}

export type CaseDetails = Awaited<ReturnType<typeof loadCaseDetails>>;

/** The latest history entry of an event type, e.g. the request for changes in force. */
export function latestOf(history: HistoryEntry[], event: string): HistoryEntry | undefined {
  return [...history].reverse().find((h) => h.event === event);
}
