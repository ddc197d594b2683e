import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

// tsx as a loader, not its CLI: the CLI relays SIGTERM and, when the child's acknowledgement
// takes over 30 ms on a loaded machine, SIGKILLs it and exits 143 itself.
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

// Starting compiles the TypeScript with tsx first: seconds on a quiet machine, many on a busy CI one.
const START_LIMIT_MS = 60_000;

async function waitForHealth(port: number): Promise<void> {
  for (const until = Date.now() + START_LIMIT_MS; Date.now() < until; ) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

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
