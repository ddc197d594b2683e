import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Db } from '../db/client';
import { NoticeModelError, type NoticeModel } from './model';
import { validateGrant } from './grant';
import { validateRejection } from './rejection';
import { validateStatement } from './statement';
import { decisionNoticeKind, noticeModelOf } from './issue-notice';

/** Throws 422 naming every part the notice lacks. */
export function assertNoticeModelComplete(model: NoticeModel): void {
  try {
    if (model.kind === 'grant') validateGrant(model);
    else if (model.kind === 'rejection') validateRejection(model);
    else if (model.kind === 'statement') validateStatement(model);
  } catch (error) {
    if (!(error instanceof NoticeModelError)) throw error;
    throw new AppError('invalid', t('notices.incomplete'), { errors: error.problems.map((problem) => ({ path: 'notice', message: problem })) });
  }
}

/**
 * A decision is refused (422) while the notice it would issue lacks a part the law requires,
 * so no decision is ever recorded whose notice cannot be made.
 */
export async function assertDecisionNoticeComplete(db: Db, options: { caseId: string; type: string; payload: Record<string, unknown>; at: Date; actorId: string }) {
  const noticeKind = decisionNoticeKind[options.type];
  if (!noticeKind) return;
  const model = await noticeModelOf(db, { ...options, noticeKind, verification: { code: 'PRUEFUNG', url: 'https://pruefung.invalid' } });
  assertNoticeModelComplete(model);
}
