import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { seedReferenceData } from '../../../src/cases/reference-data';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import type { TestApp } from '../../support/app';
import type { TestDatabase } from '../../support/database';

const ROOT = join(__dirname, '..', '..', '..');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  exited: Promise<number | null>;
  output(): string;
  /** Resolves once the output contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** The real server (`src/server.ts`) in its own process, as `npm start` runs it. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  // tsx as a loader inside the one process, not its CLI: the CLI runs the server in a child
  // process, so SIGKILL and SIGSTOP would reach only the wrapper and leave the server running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', HOST: '127.0.0.1', ...env, PORT: String(port) },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const server: ServerProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    exited,
    output: () => output,
    waitFor: (text, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`"${text}" did not appear; output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    kill: async (signal) => {
      child.kill(signal);
      return exited;
    },
  };
  await waitForHealth(server);
  return server;
}

// tsx compiles the TypeScript first: seconds on a quiet machine, many on a busy CI one.
const START_LIMIT_MS = 90_000;

async function waitForHealth(server: ServerProcess): Promise<void> {
  for (const until = Date.now() + START_LIMIT_MS; Date.now() < until; ) {
    try {
      if ((await fetch(`${server.url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.child.kill('SIGKILL');
  throw new Error(`server did not become healthy:\n${server.output()}`);
}

/** Polls `probe` until it returns true (or fails after `timeoutMs`). */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}

/**
 * An in-process app on a database a server process also uses: the test prepares cases through
 * it (its worker runs only when drained), while the server process is the one that gets killed.
 */
export async function sideApp(testDb: TestDatabase): Promise<TestApp & { uploadDir: string }> {
  const uploadDir = mkdtempSync(join(tmpdir(), 'fps-uploads-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDb.url, LOG_LEVEL: 'silent', UPLOAD_DIR: uploadDir });
  await seedReferenceData(testDb.database.client);
  await seedAuthorityProfile(testDb.database.client);
  const app = createApp({ config, database: testDb.database, logger: pino({ level: 'silent' }) });
  return {
    app,
    testDb,
    db: testDb.database.client,
    clock: undefined as never,
    uploadDir,
    close: async () => {
      await app.services.jobs.stop();
      await app.services.renderer.close();
    },
  };
}
