import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { verifyAgainstDummy, verifyPassword } from '../accounts/passwords';
import type { Db } from '../db/client';
import type { SignInThrottle } from './throttle';

const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024;

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
  // No account has a longer address or password (the forms refuse them): an over-long value is
  // a wrong guess, answered like one, and never reaches an index or the hash function.
  if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    await throttle.attempt(email.slice(0, MAX_EMAIL_LENGTH), address);
    throw new AppError('unauthenticated', t('auth.invalidCredentials'));
  }
  await throttle.attempt(email, address);
  const user = await db.user.findUnique({ where: { email }, include: { organisation: true } });
  const usable = user && user.active && user.organisation?.status !== 'deactivated';
  const valid = usable ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!valid || !user) throw new AppError('unauthenticated', t('auth.invalidCredentials'));
  await throttle.recordSuccess(email, address);
  return user;
}
