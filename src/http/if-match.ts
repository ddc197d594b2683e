import type { Request } from 'express';
import { AppError } from './errors';
import { t } from '../i18n/t';

/** The version a client read, from `If-Match: "3"` (weak tags and bare numbers accepted). */
export function ifMatchVersion(req: Request): number | undefined {
  const header = req.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new AppError('malformed', t('errors.ifMatch'));
  return Number(match[1]);
}
