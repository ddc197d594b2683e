import { t } from '../i18n/t';
import type { Actor } from '../auth/policy';
import type { Db } from '../db/client';
import type { CaseKind, CaseRow } from './case-kind';
import { latestOf } from './case-details';
import { loadCaseView } from './case-view';
import { EDITABLE_STATES } from './update-case';

/** What every case page shows, whatever the kind: the kind's page model adds its own parts. */
export async function casePageBase(db: Db, kind: CaseKind, actor: Actor, row: CaseRow, attachmentKinds: readonly string[]) {
  const { details, allowedEvents } = await loadCaseView(db, kind, actor, row);
  const changeRequest = row.state === 'changes_requested' ? latestOf(details.history, 'REQUEST_CHANGES') : undefined;
  const returned = row.state === 'in_review' && actor.role !== 'applicant' ? latestOf(details.history, 'RETURN_TO_REVIEW') : undefined;
  return {
    row,
    details,
    organisation: details.organisation,
    stateLabel: t(`labels.states.${row.state}`),
    allowedEvents,
    can: Object.fromEntries(allowedEvents.map((e) => [e, true])),
    editable: actor.role === 'applicant' && EDITABLE_STATES.includes(row.state),
    attachments: details.attachments.map((a) => ({ ...a, kindLabel: t(`labels.attachmentKinds.${a.kind}`) })),
    attachmentKindItems: attachmentKinds.map((k) => ({ value: k, text: t(`labels.attachmentKinds.${k}`) })),
    comments: details.comments,
    notices: details.notices.map((n) => ({
      ...n,
      label: t(`labels.noticeKinds.${n.kind}`),
      replaced: details.notices.some((other) => other.replacesId === n.id),
    })),
    history: details.history.map((h) => ({
      ...h,
      label: t(`labels.events.${h.event}`),
      fromLabel: h.from ? t(`labels.states.${h.from}`) : null,
      toLabel: h.to ? t(`labels.states.${h.to}`) : null,
    })),
    changeRequest: changeRequest ? { message: String(changeRequest.payload.message), dueDate: String(changeRequest.payload.dueDate) } : null,
    returned: returned ? { message: String(returned.payload.message), by: returned.actorName } : null,
    reviewerName: details.reviewerName,
    nouns: Object.fromEntries(
      ['complete', 'submit', 'resubmit', 'startReview', 'withdraw', 'returnTitle'].map((key) => [key, t(`actions.${kind.kind}.${key}`)]),
    ),
  };
}
