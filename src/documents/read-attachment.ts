import type { Response } from 'express';
import { AppError } from '../http/errors';
import { contentDisposition } from './file-name';
import { t } from '../i18n/t';
import type { Db } from '../db/client';
import type { Actor } from '../auth/policy';
import { loadVisibleCase } from '../cases/engine/load-case';
import type { FileStorage } from './storage';

/** An attachment's bytes for someone who may see its case. */
export async function readAttachment(options: { db: Db; actor: Actor; storage: FileStorage; caseKind: string; caseId: string; attachmentId: string }) {
  const row = await loadVisibleCase(options.db, options.actor, options.caseKind, options.caseId);
  const attachment = await options.db.attachment.findFirst({ where: { id: options.attachmentId, caseId: row.id } });
  if (!attachment) throw new AppError('not_found', t('errors.404.detail'));
  return { attachment, bytes: await options.storage.get(attachment.storageKey) };
}

/** A download that the browser never renders inline or sniffs (helmet sets nosniff on every response). */
export function sendAttachment(res: Response, file: { attachment: { mediaType: string; fileName: string }; bytes: Buffer }): void {
  res.set({ 'Content-Type': file.attachment.mediaType, 'Content-Disposition': contentDisposition(file.attachment.fileName), 'Cache-Control': 'private, no-store' });
  res.send(file.bytes);
}
