import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';
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
  /** Counts a sign-in attempt before the password is checked; 429 when the account or address is over its limit. */
  attempt(email: string, address: string): Promise<void>;
  /** A successful sign-in clears the account's count and gives the address its attempt back. */
  recordSuccess(email: string, address: string): Promise<void>;
}

/**
 * Counts sign-in attempts in the database (rate-limiter-flexible's Prisma store), so that all
 * instances share one count and a restart does not reset it. Each attempt is counted with one
 * atomic increment before the password is checked, so parallel guesses cannot slip through.
 */
export function createSignInThrottle(db: Db, limits: ThrottleLimits = defaultThrottleLimits): SignInThrottle {
  const common = { storeClient: db, tableName: 'rateLimiterFlexible', duration: limits.windowSeconds, clearExpiredByTimeout: false };
  const byAccount = new RateLimiterPrisma({ ...common, keyPrefix: 'signin_account', points: limits.perAccount });
  const byAddress = new RateLimiterPrisma({ ...common, keyPrefix: 'signin_address', points: limits.perAddress });

  return {
    async attempt(email, address) {
      const results = await Promise.allSettled([byAccount.consume(email), byAddress.consume(address)]);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
      if (refused.length === 0) return;
      const error = refused.find((r) => r instanceof Error);
      if (error) throw error;
      const seconds = Math.max(1, Math.ceil(Math.max(...refused.map((r) => (r as RateLimiterRes).msBeforeNext)) / 1000));
      throw new AppError('too_many_requests', t('auth.throttled', { minutes: Math.ceil(seconds / 60) }), { retryAfter: seconds });
    },
    async recordSuccess(email, address) {
      await Promise.all([byAccount.delete(email), byAddress.reward(address, 1)]);
    },
  };
}
