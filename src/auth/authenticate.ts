import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { verifyAgainstDummy, verifyPassword } from '../accounts/passwords';
import type { Db } from '../db/client';
import type { SignInThrottle } from './throttle';

/**
 * Checks an e-mail address and password. Unknown accounts, wrong passwords and deactivated
 * accounts get one and the same answer, and cost the same time.
 */
export async function authenticate(options: {
  db: Db;
  throttle: SignInThrottle;
  email: string;
  password: string;
  address: string;
}) {
  const { db, throttle, password, address } = options;
  const email = options.email.trim().toLowerCase();
  await throttle.attempt(email, address);
  const user = await db.user.findUnique({ where: { email }, include: { organisation: true } });
  const usable = user && user.active && user.organisation?.status !== 'deactivated';
  const valid = usable ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!valid || !user) throw new AppError('unauthenticated', t('auth.invalidCredentials'));
  await throttle.recordSuccess(email, address);
  return user;
}
