import { AppError } from '../http/errors';
import { isUniqueViolation } from '../db/errors';
import { t } from '../i18n/t';

/**
 * Runs a write that creates a user; a taken e-mail address becomes a 422 on the email field.
 * The database's unique index decides, so two simultaneous sign-ups cannot both win.
 */
export async function withUniqueEmail<T>(write: () => Promise<T>, field = 'email'): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('invalid', t('errors.422.detail'), { errors: [{ path: field, message: t('validation.emailTaken') }] });
    }
    throw error;
  }
}
