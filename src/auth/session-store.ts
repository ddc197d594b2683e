import { Store, type SessionData } from 'express-session';
import type { Db } from '../db/client';

type Callback<T = void> = (error?: unknown, value?: T) => void;

const DEFAULT_TTL_MS = 8 * 3600 * 1000;
/**
 * express-session touches the session on every request. Moving the expiry by less than this is
 * not written: a session then expires at most a minute before its cookie says, and a busy user
 * costs one write a minute instead of one a request (a write on SQLite waits for the one writer).
 */
export const TOUCH_INTERVAL_MS = 60_000;
/** Sessions whose stored expiry this process remembers; the oldest are forgotten first. */
const EXPIRIES_KEPT = 10_000;

/**
 * Sessions in the database, so they survive restarts and serve every instance.
 * Written here rather than taken from @quixo3/prisma-session-store because that store
 * silently drops concurrent writes to one session and swallows write errors while the
 * database is down; this one upserts and reports every failure. It also records the
 * signed-in user, so deactivating a user can end all of its sessions.
 */
export class DatabaseSessionStore extends Store {
  // express-session dates cookies with the real clock, so expiry is judged by it too.
  constructor(private readonly db: Db) {
    super();
  }

  /** The expiry each session had in the database when this process last read or wrote it. */
  private readonly storedExpiry = new Map<string, number>();

  override get(sid: string, callback: Callback<SessionData | null>): void {
    readSession(this.db, sid)
      .then((row) => {
        if (!row || row.expiresAt <= new Date()) return callback(undefined, null);
        this.remember(sid, row.expiresAt);
        return callback(undefined, JSON.parse(row.data) as SessionData);
      })
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    const data = JSON.stringify(session);
    const expiresAt = this.expiryOf(session);
    const userId = userIdOf(session);
    this.db.session
      .upsert({ where: { sid }, create: { sid, data, expiresAt, userId }, update: { data, expiresAt, userId } })
      .then(() => {
        this.remember(sid, expiresAt);
        callback?.();
      })
      .catch((error: unknown) => callback?.(error));
  }

  override touch(sid: string, session: SessionData, callback?: Callback): void {
    const expiresAt = this.expiryOf(session);
    const stored = this.storedExpiry.get(sid);
    if (stored !== undefined && expiresAt.getTime() - stored < TOUCH_INTERVAL_MS) {
      callback?.();
      return;
    }
    this.db.session
      .updateMany({ where: { sid }, data: { expiresAt } })
      .then(() => {
        this.remember(sid, expiresAt);
        callback?.();
      })
      .catch((error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.storedExpiry.delete(sid);
    this.db.session
      .deleteMany({ where: { sid } })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  /** Removes expired sessions; the server calls it now and then. */
  async prune(): Promise<number> {
    const { count } = await this.db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    return count;
  }

  private remember(sid: string, expiresAt: Date): void {
    this.storedExpiry.delete(sid);
    if (this.storedExpiry.size >= EXPIRIES_KEPT) this.storedExpiry.delete(this.storedExpiry.keys().next().value!);
    this.storedExpiry.set(sid, expiresAt.getTime());
  }

  private expiryOf(session: SessionData): Date {
    const expires = session.cookie?.expires;
    return expires ? new Date(expires) : new Date(new Date().getTime() + DEFAULT_TTL_MS);
  }
}

/** A stored session by its id; every signed-in request reads one, so raw SQL (a third of the CPU of findUnique). */
export async function readSession(db: Db, sid: string): Promise<{ data: string; expiresAt: Date } | undefined> {
  const rows = await db.$queryRaw<{ data: string; expiresAt: Date }[]>`SELECT "data", "expiresAt" FROM "Session" WHERE "sid" = ${sid}`;
  return rows[0];
}

function userIdOf(session: SessionData): string | null {
  const user = (session as { passport?: { user?: unknown } }).passport?.user;
  return typeof user === 'string' ? user : null;
}
