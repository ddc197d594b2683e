import { Router } from 'express';
import { requireRole } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { flash, redirectAfterSave } from '../http/flash';
import { handleForm } from '../http/forms';
import { t } from '../i18n/t';
import type { Services } from '../services';
import { updateAuthorityProfile } from './update-authority-profile';

/** The authority profile printed on every notice, edited by administrators. */
export function authorityPagesRouter(services: Services): Router {
  const { db, clock } = services;
  const router = Router();

  router.get('/admin/behoerde', ...requireRole('admin'), async (_req, res) => {
    const values = await db.authorityProfile.findUnique({ where: { id: 'default' } });
    res.render('pages/admin/authority', { values: values ?? {} });
  });

  router.post('/admin/behoerde', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Record<string, unknown>;
    await handleForm(res, 'pages/admin/authority', {}, body, async () => {
      await updateAuthorityProfile({ db, clock, actor: actorOf(req.user!), body });
      flash(req, 'success', t('notices.profileSaved'));
      await redirectAfterSave(req, res, '/admin/behoerde');
    });
  });

  return router;
}
