import { RateLimiterPrisma } from 'rate-limiter-flexible';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import type { Db } from '../db/client';

export interface ThrottleLimits {
  /** Failed sign-ins per account within the window before it is locked for the rest of it. */
  perAccount: number;
  /** Failed sign-ins per client address within the window. */
  perAddress: number;
  windowSeconds: number;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 };

export interface SignInThrottle {
  /** Throws 429 when the account or the address has used up its attempts. */
  check(email: string, address: string): Promise<void>;
  recordFailure(email: string, address: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

/**
 * Counts failed sign-ins in the database (rate-limiter-flexible's Prisma store), so that all
 * instances share one count and a restart does not reset it.
 */
export function createSignInThrottle(db: Db, limits: ThrottleLimits = defaultThrottleLimits): SignInThrottle {
  const common = { storeClient: db, tableName: 'rateLimiterFlexible', duration: limits.windowSeconds, clearExpiredByTimeout: false };
  const byAccount = new RateLimiterPrisma({ ...common, keyPrefix: 'signin_account', points: limits.perAccount });
  const byAddress = new RateLimiterPrisma({ ...common, keyPrefix: 'signin_address', points: limits.perAddress });

  return {
    async check(email, address) {
      const [account, client] = await Promise.all([byAccount.get(email), byAddress.get(address)]);
      const blocked = [
        account && account.consumedPoints >= limits.perAccount ? account : null,
        client && client.consumedPoints >= limits.perAddress ? client : null,
      ].filter((r) => r !== null);
      if (blocked.length > 0) {
        const seconds = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
        throw new AppError('too_many_requests', t('auth.throttled', { minutes: Math.ceil(seconds / 60) }), {
          retryAfter: seconds,
        });
      }
    },
    async recordFailure(email, address) {
      await Promise.all([byAccount.penalty(email, 1), byAddress.penalty(address, 1)]);
    },
    async recordSuccess(email) {
      await byAccount.delete(email);
    },
  };
}
