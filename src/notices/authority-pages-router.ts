import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { requireRole } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { AppError } from '../http/errors';
import { flash, redirectAfterSave } from '../http/flash';
import { handleForm } from '../http/forms';
import { t } from '../i18n/t';
import type { Services } from '../services';
import { loadAuthority } from './authority';
import { standardNoticeTexts } from './notice-texts';
import { previewVerification, sendNoticePreview } from './preview';
import { sampleGrant } from './sample-notice';
import { MAX_LOGO_BYTES, MAX_LOGO_PIXELS, setAuthorityLogo } from './set-authority-logo';
import { noticeTextFields, updateAuthorityProfile } from './update-authority-profile';

const logoUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 2, parts: 3 } }).single('logo');

const VIEW = 'pages/admin/authority';

/** The authority profile printed on every notice, edited by administrators. */
export function authorityPagesRouter(services: Services): Router {
  const { db, clock } = services;
  const router = Router();

  /** The stored profile as form values: a text not set by the authority shows the standard text. */
  const formValues = async () => {
    const row = await db.authorityProfile.findUnique({ where: { id: 'default' }, omit: { logo: true } });
    const values: Record<string, unknown> = { ...(row ?? {}) };
    for (const [field, key] of Object.entries(noticeTextFields)) values[field] = values[field] ?? standardNoticeTexts[key];
    return { values, hasLogo: Boolean(row?.logoMediaType), logoLimits: { kib: MAX_LOGO_BYTES / 1024, pixels: MAX_LOGO_PIXELS } };
  };

  router.get('/admin/behoerde', ...requireRole('admin'), async (_req, res) => {
    res.render(VIEW, await formValues());
  });

  router.post('/admin/behoerde', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const { hasLogo, logoLimits } = await formValues();
    await handleForm(res, VIEW, { hasLogo, logoLimits }, body, async () => {
      await updateAuthorityProfile({ db, clock, actor: actorOf(req.user!), body });
      flash(req, 'success', t('notices.profileSaved'));
      await redirectAfterSave(req, res, '/admin/behoerde');
    });
  });

  const renderLogoError = async (res: Response, error: unknown) => {
    const status = error instanceof AppError ? error.status : (error as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 413 : 0;
    if (!status) throw error;
    const message = status === 413 ? t('notices.logoTooLarge', { kib: MAX_LOGO_BYTES / 1024 }) : (error as AppError).message;
    res.status(status).render(VIEW, { ...(await formValues()), errors: [{ field: 'logo', message }] });
  };

  router.post('/admin/behoerde/logo', ...requireRole('admin'), async (req: Request, res) => {
    try {
      await new Promise<void>((resolve, reject) => logoUpload(req, res, (e: unknown) => (e ? reject(e) : resolve())));
      if (!req.file || req.file.size === 0) throw new AppError('invalid', t('notices.logoRequired'));
      await setAuthorityLogo({ db, clock, actor: actorOf(req.user!), bytes: req.file.buffer });
    } catch (error) {
      return renderLogoError(res, error);
    }
    flash(req, 'success', t('notices.logoSaved'));
    await redirectAfterSave(req, res, '/admin/behoerde');
  });

  router.post('/admin/behoerde/logo/entfernen', ...requireRole('admin'), async (req, res) => {
    await setAuthorityLogo({ db, clock, actor: actorOf(req.user!), bytes: null });
    flash(req, 'success', t('notices.logoRemoved'));
    await redirectAfterSave(req, res, '/admin/behoerde');
  });

  router.get('/admin/behoerde/logo', ...requireRole('admin'), async (_req, res) => {
    const row = await db.authorityProfile.findUnique({ where: { id: 'default' }, select: { logo: true, logoMediaType: true } });
    if (!row?.logo || !row.logoMediaType) throw new AppError('not_found', t('notices.noLogo'));
    res.set({ 'Content-Type': row.logoMediaType, 'Cache-Control': 'private, no-store' }).send(Buffer.from(row.logo));
  });

  router.get('/admin/behoerde/vorschau', ...requireRole('admin'), async (_req, res) => {
    const model = sampleGrant(await loadAuthority(db), previewVerification(services.config.baseUrl));
    await sendNoticePreview(res, services.renderer, model.reference, model);
  });

  return router;
}
