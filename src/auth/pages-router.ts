import { Router } from 'express';
import { AppError } from '../http/errors';
import { flash, redirectAfterSave } from '../http/flash';
import { t } from '../i18n/t';
import type { Services } from '../services';
import type { CurrentUser } from './current-user';
import { safeNext } from './guards';

const VIEW = 'pages/sign-in';

/** The German sign-in form (passport-local) and sign-out; the session id changes at both. */
export function authPagesRouter(services: Services): Router {
  const router = Router();

  router.get('/anmelden', (req, res) => {
    if (req.user) return res.redirect(303, safeNext(req.query.next));
    res.render(VIEW, { values: {}, next: safeNext(req.query.next) });
  });

  router.post('/anmelden', (req, res, next) => {
    const body = req.body as { email?: unknown; next?: unknown };
    const target = safeNext(body.next);
    const email = typeof body.email === 'string' ? body.email : '';
    services.passport.authenticate('local', (error: unknown, user: CurrentUser | false) => {
      if (error instanceof AppError && (error.code === 'unauthenticated' || error.code === 'too_many_requests')) {
        if (error.retryAfter !== undefined) res.set('Retry-After', String(error.retryAfter));
        const errors = [{ field: 'email', message: error.message }];
        return res.status(error.status).render(VIEW, { values: { email }, next: target, errors });
      }
      if (error) return next(error);
      if (!user) {
        const errors = [{ field: 'email', message: t('auth.invalidCredentials') }];
        return res.status(401).render(VIEW, { values: { email }, next: target, errors });
      }
      // passport regenerates the session here, so a session id planted before sign-in is useless.
      req.login(user, (loginError) => {
        if (loginError) return next(loginError);
        flash(req, 'success', t('auth.signedIn'));
        redirectAfterSave(req, res, target).catch(next);
      });
    })(req, res, next);
  });

  router.post('/abmelden', (req, res, next) => {
    req.logout((error) => {
      if (error) return next(error);
      flash(req, 'info', t('auth.signedOut'));
      redirectAfterSave(req, res, '/').catch(next);
    });
  });

  return router;
}
