import type { ActorContext } from '../accounts/context';
import { can } from '../auth/policy';
import { changeAuthorityProfile } from './authority';
import { recordAudit } from '../db/audit';
import { sniffAllowedType } from '../documents/sniff';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';

export const MAX_LOGO_BYTES = 1024 * 1024;
/** Every notice embeds the logo: more pixels than print at 300 dpi needs only slow each one down. */
export const MAX_LOGO_PIXELS = 2000;

const logoTypes: Record<string, 'image/png' | 'image/jpeg'> = { png: 'image/png', jpg: 'image/jpeg' };

/** Checks that the bytes are a PNG or JPEG that notices can embed, of a size notices can carry. */
export async function checkLogo(bytes: Buffer): Promise<'image/png' | 'image/jpeg'> {
  const found = await sniffAllowedType(bytes);
  const mediaType = found ? logoTypes[found.ext] : undefined;
  if (!mediaType) throw new AppError('unsupported_media_type', t('notices.logoType'), { errors: [{ path: 'logo', message: t('notices.logoType') }] });
  let size: { width: number; height: number };
  try {
    // Loaded when an admin first uploads a logo: the request thread has no other use for pdf-lib.
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    // A copy: pdf-lib reads JPEG headers through the whole ArrayBuffer, ignoring a view's offset.
    const copy = new Uint8Array(bytes);
    size = mediaType === 'image/png' ? await doc.embedPng(copy) : await doc.embedJpg(copy);
  } catch {
    throw new AppError('invalid', t('notices.logoUnreadable'), { errors: [{ path: 'logo', message: t('notices.logoUnreadable') }] });
  }
  if (size.width > MAX_LOGO_PIXELS || size.height > MAX_LOGO_PIXELS) {
    const message = t('notices.logoTooManyPixels', { max: MAX_LOGO_PIXELS });
    throw new AppError('invalid', message, { errors: [{ path: 'logo', message }] });
  }
  return mediaType;
}

/** Sets or removes the logo of the authority profile; issued notices keep the logo they printed. */
export async function setAuthorityLogo(options: ActorContext & { bytes: Buffer | null }): Promise<void> {
  const { db, clock, actor, bytes } = options;
  if (!can(actor, 'accounts:manage')) throw new AppError('forbidden', t('errors.403.detail'));
  const mediaType = bytes ? await checkLogo(bytes) : null;
  const now = clock.now();
  await db.$transaction(async (tx) => {
    await changeAuthorityProfile(tx, now, async () => {
      const updated = await tx.authorityProfile.updateMany({
        where: { id: 'default' },
        data: { logo: bytes ? new Uint8Array(bytes) : null, logoMediaType: mediaType, updatedById: actor.id },
      });
      if (updated.count === 0) throw new AppError('conflict', t('notices.profileMissing'));
    });
    await recordAudit(
      tx,
      { actorId: actor.id, subjectType: 'authority', subjectId: 'default', action: bytes ? 'SET_LOGO' : 'REMOVE_LOGO', payload: bytes ? { mediaType, bytes: bytes.length } : {} },
      now,
    );
  });
}
