import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { todayInBerlin } from '../clock';

export function invalidField(path: string, message: string): AppError {
  return new AppError('invalid', t('errors.422.detail'), { errors: [{ path, message }] });
}

/** A deadline set for the provider must lie after today (in the authority's time zone). */
export function checkDueDateInFuture(type: string, payload: Record<string, unknown>, now: Date): void {
  if (type === 'REQUEST_CHANGES' && typeof payload.dueDate === 'string' && payload.dueDate <= todayInBerlin(now)) {
    throw invalidField('dueDate', t('cases.dateInPast'));
  }
}
