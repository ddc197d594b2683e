import type { RequestHandler } from 'express';
import { AppError } from './errors';
import { t } from '../i18n/t';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/**
 * NUL bytes in the URL, the query or a parsed body are never legitimate input, but they cut
 * C strings short, confuse file-name checks and PostgreSQL refuses them in text columns (a 500
 * deep in a use-case). Refuse them at the edge with 400, before any route sees them.
 */
export const refuseNulBytes: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.originalUrl) || req.originalUrl.includes('\u0000') || containsNul(req.query) || containsNul(req.body)) {
    throw new AppError('malformed', t('security.nulByte'));
  }
  next();
};
