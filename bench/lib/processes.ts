import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serveCommand } from './serve-command';

export const ROOT = join(__dirname, '..', '..');

/**
 * Measured as operators run it: production mode (templates compiled once, secure cookies), behind
 * a TLS-terminating proxy, which the load generator stands in for with X-Forwarded-Proto.
 */
const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: randomBytes(32).toString('hex'),
  TRUST_PROXY: 'true',
  LOG_LEVEL: 'warn',
  DEMO_DATA: 'false',
};
export const BEHIND_PROXY = { 'x-forwarded-proto': 'https' };

export interface RunningProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until the health check answered 200. */
  startupMs: number;
  /** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  /** CPU seconds the process has used so far, all its threads (user + system). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** utime + stime from /proc/<pid>/stat; the fields after the command name, which may hold spaces. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const TICKS_PER_SECOND = 100;
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${log()}`);
}

/** Starts a Node process with `args` and waits until `healthPath` answers 200. */
export async function startProcess(args: string[], env: Record<string, string>, healthPath: string): Promise<RunningProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...PRODUCTION, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitHealthy(`${url}${healthPath}`, child, () => output);
  const startupMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    startupMs,
    memory: () => memoryOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The portal as `npm start` runs it (compiled, with its Node flags and environment), on the given database. */
export function startPortal(databaseUrl: string, env: Record<string, string> = {}, extraNodeArgs: string[] = []): Promise<RunningProcess> {
  const serve = serveCommand(ROOT);
  return startProcess([...serve.nodeArgs, ...extraNodeArgs, join(ROOT, serve.script)], { ...serve.env, DATABASE_URL: databaseUrl, ...env }, '/healthz');
}

/** The ceiling server (bench/ceiling-server.ts) on the given database. */
export function startCeiling(databaseUrl: string, extraNodeArgs: string[] = []): Promise<RunningProcess> {
  return startProcess([...extraNodeArgs, '--import', 'tsx', join(ROOT, 'bench', 'ceiling-server.ts')], { DATABASE_URL: databaseUrl }, '/bare');
}
