import { Router } from 'express';
import type { Services } from '../services';
import { t } from '../i18n/t';
import { todayInBerlin } from '../clock';
import { actorOf } from '../auth/current-user';
import { inboxCounts } from '../cases/inbox';
import { nextAction } from '../cases/applications/progress';
import { statementNextAction } from '../cases/statements/progress';
import { loadAuthority } from '../notices/authority';

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
      const cases = await db.case.findMany({ where: { organisationId: organisation.id }, orderBy: { updatedAt: 'desc' }, take: 50 });
      return res.render('pages/home-applicant', {
        organisation,
        cases: cases.map((c) => ({
          ...c,
          stateLabel: t(`labels.states.${c.state}`),
          next: c.kind === 'application' ? nextAction(c.state, c.dueDate) : statementNextAction(c.state, c.dueDate),
          href: `${c.kind === 'application' ? '/antraege' : '/stellungnahmen'}/${c.id}`,
          kindLabel: c.kind === 'application' ? 'FRL-Antrag' : 'Stellungnahme',
          overdue: c.dueDate !== null && c.dueDate < todayInBerlin(clock.now()),
        })),
      });
    }
    const pendingOrganisations =
      user.role === 'coordinator' || user.role === 'admin' ? await db.organisation.count({ where: { status: 'pending' } }) : 0;
    const counts = user.role === 'admin' ? [] : await inboxCounts(db, actorOf(user), 'application');
    const openStatements =
      user.role === 'admin'
        ? 0
        : await db.case.count({ where: { kind: 'statement', state: { in: user.role === 'head' ? ['awaiting_approval'] : ['submitted', 'in_review', 'changes_requested'] } } });
    res.render('pages/home-staff', { role: user.role, pendingOrganisations, counts, openStatements });
  });

  // Contact and address come from the authority profile, so another city's portal names its own.
  router.get('/barrierefreiheit', async (_req, res) => res.render('pages/accessibility', { authority: await loadAuthority(db) }));
  router.get('/impressum', async (_req, res) => res.render('pages/imprint', { authority: await loadAuthority(db) }));
  router.get('/datenschutz', (_req, res) => res.render('pages/privacy'));

  return router;
}
