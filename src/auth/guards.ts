import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../http/errors';
import { isApiRequest } from '../http/error-handler';
import { t } from '../i18n/t';
import type { Role } from '../accounts/roles';
import type { CurrentUser } from './current-user';

/** Not signed in: the API answers 401, a page sends the person to the sign-in form and back. */
export const requireUser: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  if (req.user) return next();
  if (isApiRequest(req)) throw new AppError('unauthenticated', t('errors.401.detail'));
  const target = req.method === 'GET' ? req.originalUrl : '/';
  res.redirect(303, `/anmelden?next=${encodeURIComponent(target)}`);
};

export function requireRole(...roles: Role[]): RequestHandler[] {
  return [
    requireUser,
    (req, _res, next) => {
      if (!roles.includes(req.user!.role)) throw new AppError('forbidden', t('errors.403.detail'));
      next();
    },
  ];
}

export function userOf(req: Request): CurrentUser {
  if (!req.user) throw new AppError('unauthenticated', t('errors.401.detail'));
  return req.user;
}

/** Only same-site relative paths are followed after sign-in (no open redirects). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
