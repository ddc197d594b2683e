import { z } from 'zod';
import { latestOf, type CaseDetails } from './case-details';
import type { CaseRow } from './case-kind';
import { toApiMoney } from './money';

const money = z.string().meta({ example: '10500.00' });

export const attachmentResponse = z
  .object({ id: z.string(), kind: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: z.string() })
  .meta({ id: 'Attachment' });

export const commentResponse = z
  .object({ id: z.string(), body: z.string(), visibility: z.enum(['internal', 'shared']), author: z.object({ name: z.string(), role: z.string() }), createdAt: z.string() })
  .meta({ id: 'Comment' });

/** What every case response has, whatever its kind. */
export const casePartsResponse = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.string(),
  version: z.number().int(),
  allowedEvents: z.array(z.string()),
  organisation: z.object({ id: z.string(), name: z.string() }),
  changeRequest: z.object({ message: z.string(), dueDate: z.string() }).nullable(),
  attachments: z.array(attachmentResponse),
  comments: z.array(commentResponse),
  notices: z.array(
    z.object({ id: z.string(), kind: z.string(), sha256: z.string(), createdAt: z.string(), replaces: z.string().nullable(), inForce: z.boolean() }),
  ),
  history: z.array(z.object({ at: z.string(), actor: z.string(), event: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  state: z.string(),
  version: z.number().int(),
  title: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  requestedAmount: money,
  dueDate: z.string().nullable(),
  updatedAt: z.string(),
});

export function presentAttachment(a: { id: string; kind: string; fileName: string; mediaType: string; size: number; sha256: string; createdAt: Date }) {
  return { id: a.id, kind: a.kind, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256, createdAt: a.createdAt.toISOString() };
}

export function presentComment(c: { id: string; body: string; visibility: string; author: { name: string; role: string }; createdAt: Date }) {
  return { id: c.id, body: c.body, visibility: c.visibility as 'internal' | 'shared', author: { name: c.author.name, role: c.author.role }, createdAt: c.createdAt.toISOString() };
}

export function presentCaseParts(row: CaseRow, details: CaseDetails, allowedEvents: string[]): z.infer<typeof casePartsResponse> {
  const changeRequest = row.state === 'changes_requested' ? latestOf(details.history, 'REQUEST_CHANGES') : undefined;
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    version: row.version,
    allowedEvents,
    organisation: { id: details.organisation.id, name: details.organisation.name },
    changeRequest: changeRequest ? { message: String(changeRequest.payload.message), dueDate: String(changeRequest.payload.dueDate) } : null,
    attachments: details.attachments.map(presentAttachment),
    comments: details.comments.map(presentComment),
    notices: details.notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      sha256: n.sha256,
      createdAt: n.createdAt.toISOString(),
      replaces: n.replacesId,
      inForce: !details.notices.some((other) => other.replacesId === n.id),
    })),
    history: details.history.map((h) => ({ at: h.at.toISOString(), actor: h.actorName, event: h.event, from: h.from, to: h.to })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCaseSummaryParts(row: CaseRow & { organisation: { id: string; name: string } }): z.infer<typeof caseSummary> {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    version: row.version,
    title: row.title,
    organisation: { id: row.organisation.id, name: row.organisation.name },
    requestedAmount: toApiMoney(row.requestedCents),
    dueDate: row.dueDate,
    updatedAt: row.updatedAt.toISOString(),
  };
}
