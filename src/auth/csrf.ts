import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/**
 * Synchroniser tokens kept in the session: forms send `_csrf`, scripts the `X-CSRF-Token`
 * header. Bearer-token API calls carry no cookie and need none.
 */
export function createCsrf() {
  return csrfSync({
    getTokenFromRequest: (req: Request) => {
      const header = req.headers['x-csrf-token'];
      if (typeof header === 'string') return header;
      const body = req.body as { _csrf?: unknown } | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
    skipCsrfProtection: (req: Request) => req.apiTokenId !== undefined,
    errorConfig: { statusCode: 403, code: 'EBADCSRFTOKEN' },
  });
}
