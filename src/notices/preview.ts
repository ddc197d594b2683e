import type { Response } from 'express';
import type { NoticeModel } from './model';
import type { NoticeRenderer } from './render-pool';
import { assertNoticeModelComplete } from './check-notice';

/** A preview is no notice: its code verifies nothing. */
export function previewVerification(baseUrl: string) {
  return { code: 'VORSCHAU', url: `${baseUrl.replace(/\/$/, '')}/verify/VORSCHAU` };
}

/**
 * Renders a notice that is not issued, shown in the browser and never stored. A notice that
 * could not be issued gets no preview but the list of what it lacks (422).
 */
export async function sendNoticePreview(res: Response, renderer: NoticeRenderer, reference: string, model: NoticeModel): Promise<void> {
  assertNoticeModelComplete(model);
  const bytes = await renderer.render(model);
  res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="Vorschau-${reference}.pdf"`, 'Cache-Control': 'no-store' });
  res.send(Buffer.from(bytes));
}
