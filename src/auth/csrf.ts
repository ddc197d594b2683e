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
      if (typeof body?._csrf === 'string') return body._csrf;
      // File forms post multipart bodies, which are read only after this check; they carry the token in the URL.
      const query = req.query._csrf;
      return typeof query === 'string' ? query : undefined;
    },
    skipCsrfProtection: (req: Request) =>
      req.apiTokenId !== undefined || (isApiRequest(req) && !(req.headers.cookie ?? '').includes(`${sessionCookieName}=`)),
    errorConfig: { statusCode: 403, code: 'EBADCSRFTOKEN' },
  });
}
