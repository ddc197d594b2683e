import { renderGrant } from './grant';
import type { NoticeModel } from './model';
import { renderReceipt } from './receipt';
import { renderRejection } from './rejection';
import { renderRequestForChanges } from './request-for-changes';
import { renderStatement } from './statement';

export { noticeTitle } from './common';
export { NoticeModelError } from './model';
export type * from './model';

/**
 * Renders a notice to PDF bytes. Pure and deterministic: the same model gives the same bytes.
 * Throws NoticeModelError naming every missing part instead of rendering an incomplete notice.
 * Rendering is CPU-bound (a few ms to tens of ms): render once at issue time and store the bytes.
 */
export async function renderNotice(model: NoticeModel): Promise<Uint8Array> {
  switch (model.kind) {
    case 'receipt':
      return renderReceipt(model);
    case 'request_for_changes':
      return renderRequestForChanges(model);
    case 'grant':
      return renderGrant(model);
    case 'rejection':
      return renderRejection(model);
    case 'statement':
      return renderStatement(model);
    default: {
      const kind: unknown = (model as { kind?: unknown }).kind;
      throw new Error(`Unknown notice kind: ${String(kind)} (expected receipt, request_for_changes, grant, rejection or statement)`);
    }
  }
}
