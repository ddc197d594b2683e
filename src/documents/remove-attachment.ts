import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { recordAudit } from '../db/audit';
import type { UseCaseContext } from '../accounts/context';
import type { Actor } from '../auth/policy';
import { loadVisibleCase } from '../cases/engine/load-case';
import { EDITABLE_STATES, lockEditableCase } from '../cases/update-case';
import type { FileStorage } from './storage';

/** Deleting is possible only while the case is editable; the bytes go with the row (storage.removeWith). */
export async function removeAttachment(
  options: UseCaseContext & { actor: Actor; storage: FileStorage; caseKind: string; caseId: string; attachmentId: string },
) {
  const { db, clock, actor, storage, caseKind, caseId, attachmentId } = options;
  const row = await loadVisibleCase(db, actor, caseKind, caseId);
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, caseId: row.id } });
  if (!attachment) throw new AppError('not_found', t('errors.404.detail'));
  if (actor.role !== 'applicant') throw new AppError('forbidden', t('errors.403.detail'));
  if (!EDITABLE_STATES.includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
  const now = clock.now();
  await storage.removeWith(db, attachment.storageKey, async (tx) => {
    // Locked like an upload, so the file count a parallel upload checks is the committed one;
    // deleteMany, since a parallel removal of the same file may have won (then a 404).
    await lockEditableCase(tx, row.id);
    const { count } = await tx.attachment.deleteMany({ where: { id: attachment.id } });
    if (count === 0) throw new AppError('not_found', t('errors.404.detail'));
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'DETACH', payload: { attachmentId, fileName: attachment.fileName } },
      now,
    );
  });
}
