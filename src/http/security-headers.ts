import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet with a strict CSP: no inline script or style, nothing from other origins. */
export function securityHeaders(options: { production: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        ...(options.production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: options.production,
    referrerPolicy: { policy: 'same-origin' },
    // Old browsers ignore frame-ancestors: no page of the portal may be framed (clickjacking).
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * Pages and API answers carry personal data and CSRF tokens: no browser or proxy may keep them
 * (back button after sign-out, shared computers). Mounted after the static files, which keep
 * their own caching; a route may still set a stricter value of its own.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
