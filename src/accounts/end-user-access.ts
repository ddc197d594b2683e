import type { Tx } from '../db/client';

/** Ends every session and API token of the given users: deactivation must take effect at once. */
export async function endUserAccess(tx: Tx, userIds: string[], at: Date): Promise<void> {
  if (userIds.length === 0) return;
  await tx.session.deleteMany({ where: { userId: { in: userIds } } });
  await tx.apiToken.updateMany({ where: { userId: { in: userIds }, revokedAt: null }, data: { revokedAt: at } });
}
