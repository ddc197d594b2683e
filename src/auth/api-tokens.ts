import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { hashSecretToken, newSecretToken } from '../accounts/secret-tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { tokenByHash } from './user-lookup';

export const API_TOKEN_DAYS = 30;

export async function issueApiToken(options: { db: Db; clock: Clock; userId: string }) {
  const { db, clock, userId } = options;
  const { token, hash } = newSecretToken('fps');
  const expiresAt = new Date(clock.now().getTime() + API_TOKEN_DAYS * 24 * 3600 * 1000);
  await db.apiToken.create({ data: { tokenHash: hash, userId, expiresAt } });
  return { token, expiresAt };
}

/** The user behind a bearer token, or an error when it is unknown, expired, revoked or its user inactive. */
export async function userForApiToken(options: { db: Db; clock: Clock; token: string }) {
  const { db, clock, token } = options;
  const record = await tokenByHash(db, hashSecretToken(token));
  if (
    !record ||
    record.revokedAt ||
    record.expiresAt <= clock.now() ||
    !record.user.active ||
    record.user.organisation?.status === 'deactivated'
  ) {
    throw new AppError('unauthenticated', t('auth.tokenInvalid'));
  }
  return { user: record.user, tokenId: record.id };
}

export async function revokeApiToken(options: { db: Db; clock: Clock; tokenId: string }) {
  await options.db.apiToken.updateMany({
    where: { id: options.tokenId, revokedAt: null },
    data: { revokedAt: options.clock.now() },
  });
}
