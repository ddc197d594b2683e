import { createHash } from 'node:crypto';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { recordAudit } from '../db/audit';
import type { UseCaseContext } from '../accounts/context';
import type { Actor } from '../auth/policy';
import { loadVisibleCase } from '../cases/engine/load-case';
import { displayFileName } from './file-name';
import { sniffAllowedType } from './sniff';
import type { FileStorage } from './storage';
import type { Db, Tx } from '../db/client';
import { MAX_FILES_PER_CASE } from './upload';
import { EDITABLE_STATES, lockEditableCase } from '../cases/update-case';

async function assertRoomForFile(db: Db | Tx, caseId: string): Promise<void> {
  if ((await db.attachment.count({ where: { caseId } })) >= MAX_FILES_PER_CASE) {
    throw new AppError('payload_too_large', t('documents.tooMany', { max: MAX_FILES_PER_CASE }));
  }
}

/**
 * The organisation attaches a document while its case is editable. The type comes from the
 * bytes (415 otherwise), the name is kept for display only, the SHA-256 is stored. The bytes and
 * the row are kept together or not at all (storage.putWith), so a refusal leaves nothing behind.
 */
export async function addAttachment(
  options: UseCaseContext & {
    actor: Actor;
    storage: FileStorage;
    caseKind: string;
    caseId: string;
    allowedKinds: readonly string[];
    kind: unknown;
    file: { originalname: string; buffer: Buffer; size: number } | undefined;
  },
) {
  const { db, clock, actor, storage, caseKind, caseId, file } = options;
  const row = await loadVisibleCase(db, actor, caseKind, caseId);
  if (actor.role !== 'applicant') throw new AppError('forbidden', t('errors.403.detail'));
  if (!EDITABLE_STATES.includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
  const errors: { path: string; message: string }[] = [];
  if (typeof options.kind !== 'string' || !options.allowedKinds.includes(options.kind)) {
    errors.push({ path: 'kind', message: t('documents.kindRequired') });
  }
  if (!file || file.size === 0) errors.push({ path: 'file', message: t('documents.fileRequired') });
  if (errors.length > 0 || !file) throw new AppError('invalid', t('errors.422.detail'), { errors });
  const type = await sniffAllowedType(file.buffer);
  if (!type) throw new AppError('unsupported_media_type', t('documents.typeNotAllowed'));
  // A cheap early refusal; the count that decides is taken again under the case's lock below.
  await assertRoomForFile(db, row.id);
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const now = clock.now();
  return storage.putWith(db, file.buffer, async (tx, storageKey) => {
    // Parallel uploads must not each see room for one more file: the lock orders them.
    await lockEditableCase(tx, row.id);
    await assertRoomForFile(tx, row.id);
    const attachment = await tx.attachment.create({
      data: {
        caseId: row.id,
        kind: options.kind as string,
        fileName: displayFileName(file.originalname, type.ext),
        mediaType: type.mediaType,
        size: file.size,
        sha256,
        storageKey,
        uploadedById: actor.id,
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'ATTACH', payload: { attachmentId: attachment.id, kind: attachment.kind, fileName: attachment.fileName } },
      now,
    );
    return attachment;
  });
}
