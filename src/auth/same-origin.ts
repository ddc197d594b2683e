import type { Request, RequestHandler } from 'express';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A second line behind the CSRF token: a state-changing request that a browser marks as coming
 * from another site (Sec-Fetch-Site: cross-site or same-site) or whose Origin is neither this
 * host nor the configured BASE_URL is refused with 403 before any body part, file or row is
 * read or written. Bearer requests carry no ambient credential and are left to the token check;
 * requests without these headers (scripts, old browsers) still need the CSRF token.
 */
export function requireSameOrigin(baseUrl: string): RequestHandler {
  const configured = originOf(baseUrl);
  return (req: Request, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.apiTokenId !== undefined) return next();
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new AppError('forbidden', t('security.crossSite'), { type: 'cross-site' });
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const own = originOf(`${req.protocol}://${req.get('host') ?? ''}`);
      if (origin === 'null' || (origin !== own && origin !== configured)) {
        throw new AppError('forbidden', t('security.crossSite'), { type: 'cross-site' });
      }
    }
    next();
  };
}
