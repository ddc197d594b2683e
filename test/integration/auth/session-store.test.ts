import type { SessionData } from 'express-session';
import { DatabaseSessionStore, TOUCH_INTERVAL_MS } from '../../../src/auth/session-store';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const SID = 'session-under-test';

function sessionExpiringAt(expires: Date): SessionData {
  return { cookie: { originalMaxAge: 8 * 3600 * 1000, expires, httpOnly: true, path: '/' } } as SessionData;
}

describe('the database session store', () => {
  let testDb: TestDatabase;
  let store: DatabaseSessionStore;
  const start = new Date(Date.now() + 8 * 3600 * 1000);
  const later = (ms: number) => new Date(start.getTime() + ms);

  const call = <T>(run: (done: (error?: unknown, value?: T) => void) => void) =>
    new Promise<T | undefined>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
  const storedExpiry = async () => (await testDb.database.client.session.findUniqueOrThrow({ where: { sid: SID } })).expiresAt;

  beforeEach(async () => {
    testDb = await createTestDatabase();
    store = new DatabaseSessionStore(testDb.database.client);
    await call((done) => store.set(SID, sessionExpiringAt(start), done));
  });

  afterEach(async () => {
    await testDb.drop();
  });

  it('when a session is used again within a minute, then its expiry is not written; a minute later it is', async () => {
    await call((done) => store.get(SID, done));
    await call((done) => store.touch(SID, sessionExpiringAt(later(TOUCH_INTERVAL_MS - 1000)), done));
    expect(await storedExpiry()).toEqual(start);

    await call((done) => store.touch(SID, sessionExpiringAt(later(TOUCH_INTERVAL_MS + 1000)), done));
    expect(await storedExpiry()).toEqual(later(TOUCH_INTERVAL_MS + 1000));
  });

  it('when another process moved the expiry meanwhile, then this one judges by the stored expiry it read', async () => {
    const other = new DatabaseSessionStore(testDb.database.client);
    await call((done) => other.touch(SID, sessionExpiringAt(later(2 * TOUCH_INTERVAL_MS)), done));
    await call((done) => store.get(SID, done));
    await call((done) => store.touch(SID, sessionExpiringAt(later(2 * TOUCH_INTERVAL_MS + 1000)), done));
    expect(await storedExpiry()).toEqual(later(2 * TOUCH_INTERVAL_MS));
  });

  it('when a session is read, then its data comes back; once its stored expiry has passed, it is gone', async () => {
    const read = await call<SessionData | null>((done) => store.get(SID, done));
    expect(new Date(read!.cookie.expires!)).toEqual(start);

    await testDb.database.client.session.update({ where: { sid: SID }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await call((done) => store.get(SID, done))).toBeNull();
  });

  it('when a session is destroyed, then it is gone and a touch does not bring it back', async () => {
    await call((done) => store.get(SID, done));
    await call((done) => store.destroy(SID, done));
    await call((done) => store.touch(SID, sessionExpiringAt(later(TOUCH_INTERVAL_MS + 1000)), done));
    expect(await call((done) => store.get(SID, done))).toBeNull();
  });
});
