import type { Response } from 'express';
import type { NoticeModel } from './model';
import { renderNotice } from './render';

/** A preview is no notice: its code verifies nothing. */
export function previewVerification(baseUrl: string) {
  return { code: 'VORSCHAU', url: `${baseUrl.replace(/\/$/, '')}/verify/VORSCHAU` };
}

/** Renders a notice that is not issued, shown in the browser and never stored. */
export async function sendNoticePreview(res: Response, reference: string, model: NoticeModel): Promise<void> {
  const bytes = await renderNotice(model);
  res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="Vorschau-${reference}.pdf"`, 'Cache-Control': 'no-store' });
  res.send(Buffer.from(bytes));
}
