import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { isApiRequest } from '../http/error-handler';

/**
 * Synchroniser tokens kept in the session: forms send `_csrf`, scripts the `X-CSRF-Token`
 * header. An API call that carries no session cookie (bearer token, or none at all, as when
 * asking for a token) has no ambient credential a forged request could ride on, so needs none.
 */
export function createCsrf(sessionCookieName: string) {
  return csrfSync({
    getTokenFromRequest: (req: Request) => {
      const header = req.headers['x-csrf-token'];
      if (typeof header === 'string') return header;
      const body = req.body as { _csrf?: unknown } | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
    skipCsrfProtection: (req: Request) =>
      req.apiTokenId !== undefined || (isApiRequest(req) && !(req.headers.cookie ?? '').includes(`${sessionCookieName}=`)),
    errorConfig: { statusCode: 403, code: 'EBADCSRFTOKEN' },
  });
}
