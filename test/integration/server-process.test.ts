import { createTestDatabase, type TestDatabase } from '../support/database';
import { START_LIMIT_MS, startServer, waitForHealth } from '../support/server-process';

jest.setTimeout(2 * START_LIMIT_MS);

describe('the server process', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.drop());

  it('when a configuration value is bad, then it stops at once with a message naming it', async () => {
    const server = startServer({ PORT: 'kein-port', DATABASE_URL: testDb.url });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Invalid configuration:[\s\S]*PORT/);
  });

  it('when SIGTERM arrives, then it finishes and exits 0', async () => {
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const server = startServer({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: testDb.url });
    await waitForHealth(port);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
