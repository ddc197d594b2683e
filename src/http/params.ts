import type { Request } from 'express';
import { AppError } from './errors';
import { t } from '../i18n/t';

/** A route parameter as one string (Express types allow arrays for wildcard routes). */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | string[] | undefined>)[name];
  if (typeof value !== 'string') throw new AppError('not_found', t('errors.404.detail'));
  return value;
}
