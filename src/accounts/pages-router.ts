import { Router } from 'express';
import { AppError } from '../http/errors';
import { flash, redirectAfterSave } from '../http/flash';
import { handleForm } from '../http/forms';
import { parse } from '../http/validate';
import { param } from '../http/params';
import { t } from '../i18n/t';
import { requireRole } from '../auth/guards';
import { actorOf, toCurrentUser } from '../auth/current-user';
import type { Services } from '../services';
import { acceptInvitationInput, invitationInput, organisationInput, registrationInput, userInput } from './schemas';
import { registerOrganisation } from './register-organisation';
import { findOpenInvitation, acceptInvitation } from './accept-invitation';
import { inviteMember } from './invite-member';
import { createOrganisation } from './create-organisation';
import { createUser } from './create-user';
import { approveOrganisation } from './approve-organisation';
import { deactivateOrganisation } from './deactivate-organisation';
import { deactivateUser } from './deactivate-user';
import { roles } from './roles';
import { exportFormatOf } from '../exports/table';
import { sendExport } from '../exports/send-export';
import { exportQueryOf } from '../http/export-query';
import { organisationsTable } from './organisations-export';
import { usersTable } from './users-export';

type Body = Record<string, unknown>;

/** Registration, invitations and the administration of organisations and users, as pages. */
export function accountPagesRouter(services: Services): Router {
  const { db, clock, config } = services;
  const router = Router();

  router.get('/registrieren', (_req, res) => res.render('pages/register', { values: {} }));

  router.post('/registrieren', async (req, res) => {
    const body = req.body as Body;
    await handleForm(res, 'pages/register', {}, body, async () => {
      await registerOrganisation({ db, clock, input: parse(registrationInput, body) });
      await redirectAfterSave(req, res, '/registrieren/eingegangen');
    });
  });

  router.get('/registrieren/eingegangen', (_req, res) => res.render('pages/registered'));

  router.get('/einladung/:token', async (req, res) => {
    const invitation = await findOpenInvitation({ db, clock, token: param(req, 'token') });
    res.render('pages/invitation', { invitation, token: param(req, 'token'), values: {} });
  });

  router.post('/einladung/:token', async (req, res) => {
    const token = param(req, 'token');
    const invitation = await findOpenInvitation({ db, clock, token });
    const body = req.body as Body;
    await handleForm(res, 'pages/invitation', { invitation, token }, body, async () => {
      const input = parse(acceptInvitationInput, body);
      const user = await acceptInvitation({ db, clock, token, name: input.name, password: input.password });
      const signedIn = toCurrentUser({ ...user, organisation: invitation.organisation });
      await new Promise<void>((resolve, reject) => req.login(signedIn, (e) => (e ? reject(e) : resolve())));
      flash(req, 'success', t('accounts.invitationAccepted'));
      await redirectAfterSave(req, res, '/');
    });
  });

  router.post('/organisation/einladungen', ...requireRole('applicant'), async (req, res) => {
    const body = req.body as Body;
    try {
      const { email } = parse(invitationInput, body);
      const { token } = await inviteMember({ db, clock, actor: actorOf(req.user!), email });
      flash(req, 'success', t('accounts.invitationSent', { email, link: `${config.baseUrl}/einladung/${token}` }));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      flash(req, 'danger', error.errors.map((e) => e.message).join(' ') || error.message);
    }
    await redirectAfterSave(req, res, '/');
  });

  const organisationsPage = async (status: string | undefined) => {
    const where = status && ['pending', 'approved', 'deactivated'].includes(status) ? { status } : {};
    const organisations = await db.organisation.findMany({
      where,
      orderBy: [{ status: 'desc' }, { name: 'asc' }],
      include: { _count: { select: { users: true } } },
    });
    return { organisations, status: status ?? '' };
  };

  router.get('/admin/organisationen', ...requireRole('coordinator', 'admin'), async (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    const model = await organisationsPage(status);
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, organisationsTable(model.organisations, clock.now()));
    res.render('pages/admin/organisations', { ...model, exportQuery: exportQueryOf(req), values: {} });
  });

  router.post('/admin/organisationen', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Body;
    await handleForm(res, 'pages/admin/organisations', await organisationsPage(undefined), body, async () => {
      const organisation = await createOrganisation({ db, clock, actor: actorOf(req.user!), input: parse(organisationInput, body) });
      flash(req, 'success', t('accounts.organisationCreated', { name: organisation.name }));
      await redirectAfterSave(req, res, '/admin/organisationen');
    });
  });

  router.post('/admin/organisationen/:id/freigeben', ...requireRole('coordinator', 'admin'), async (req, res) => {
    const organisation = await approveOrganisation({ db, clock, actor: actorOf(req.user!), organisationId: param(req, 'id') });
    flash(req, 'success', t('accounts.organisationApproved', { name: organisation.name }));
    await redirectAfterSave(req, res, '/admin/organisationen');
  });

  router.post('/admin/organisationen/:id/deaktivieren', ...requireRole('admin'), async (req, res) => {
    const organisation = await deactivateOrganisation({ db, clock, actor: actorOf(req.user!), organisationId: param(req, 'id') });
    flash(req, 'success', t('accounts.organisationDeactivated', { name: organisation.name }));
    await redirectAfterSave(req, res, '/admin/organisationen');
  });

  const usersPage = async () => {
    const [users, organisations] = await Promise.all([
      db.user.findMany({ include: { organisation: true }, orderBy: [{ active: 'desc' }, { name: 'asc' }] }),
      db.organisation.findMany({ where: { status: { not: 'deactivated' } }, orderBy: { name: 'asc' } }),
    ]);
    return {
      users,
      roleItems: roles.map((r) => ({ value: r, text: t(`roles.${r}`) })),
      organisationItems: organisations.map((o) => ({ value: o.id, text: o.name })),
    };
  };

  router.get('/admin/benutzer', ...requireRole('admin'), async (req, res) => {
    const model = await usersPage();
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, usersTable(model.users, clock.now()));
    res.render('pages/admin/users', { ...model, values: {} });
  });

  router.post('/admin/benutzer', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Body;
    await handleForm(res, 'pages/admin/users', await usersPage(), body, async () => {
      const user = await createUser({ db, clock, actor: actorOf(req.user!), input: parse(userInput, body) });
      flash(req, 'success', t('accounts.userCreated', { email: user.email }));
      await redirectAfterSave(req, res, '/admin/benutzer');
    });
  });

  router.post('/admin/benutzer/:id/deaktivieren', ...requireRole('admin'), async (req, res) => {
    const user = await deactivateUser({ db, clock, actor: actorOf(req.user!), userId: param(req, 'id') });
    flash(req, 'success', t('accounts.userDeactivated', { name: user.name }));
    await redirectAfterSave(req, res, '/admin/benutzer');
  });

  return router;
}
