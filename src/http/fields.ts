import { z } from 'zod';
import { t } from '../i18n/t';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../accounts/passwords';

/** Reusable field schemas with German messages, shared by forms and the JSON API. */

export const text = (max = 200) =>
  z
    .string({ error: t('validation.required') })
    .trim()
    .min(1, t('validation.required'))
    .max(max, t('validation.tooLong', { max }));

/** An optional text: an empty form field becomes undefined. */
export const optionalText = (max = 200) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max).optional());

export const email = () =>
  z
    .string({ error: t('validation.required') })
    .trim()
    .toLowerCase()
    .min(1, t('validation.required'))
    .max(254, t('validation.tooLong', { max: 254 }))
    .pipe(z.email(t('validation.email')));

export const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), email().optional());

export const postalCode = () =>
  z.string({ error: t('validation.required') }).trim().regex(/^\d{5}$/, t('validation.postalCode'));

export const newPassword = () =>
  z
    .string({ error: t('validation.required') })
    .min(MIN_PASSWORD_LENGTH, t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH }))
    .max(MAX_PASSWORD_LENGTH, t('validation.passwordTooLong', { max: MAX_PASSWORD_LENGTH }));
