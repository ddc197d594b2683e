import { Router } from 'express';
import type { Services } from '../services';

/** The start page per role, and the fixed pages every public service needs. */
export function homeRouter(services: Services): Router {
  const { db, clock } = services;
  const router = Router();

  router.get('/', async (req, res) => {
    const user = req.user;
    if (!user) return res.render('pages/home-public');
    if (user.role === 'applicant' && user.organisation) {
      const organisation = await db.organisation.findUniqueOrThrow({
        where: { id: user.organisation.id },
        include: {
          users: { orderBy: { name: 'asc' } },
          invitations: { where: { acceptedAt: null, expiresAt: { gt: clock.now() } }, orderBy: { createdAt: 'desc' } },
        },
      });
      return res.render('pages/home-applicant', { organisation });
    }
    const pendingOrganisations =
      user.role === 'coordinator' || user.role === 'admin' ? await db.organisation.count({ where: { status: 'pending' } }) : 0;
    res.render('pages/home-staff', { role: user.role, pendingOrganisations });
  });

  router.get('/barrierefreiheit', (_req, res) => res.render('pages/accessibility'));
  router.get('/impressum', (_req, res) => res.render('pages/imprint'));
  router.get('/datenschutz', (_req, res) => res.render('pages/privacy'));

  return router;
}
