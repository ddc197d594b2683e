import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// tsx as a loader, not its CLI: the CLI relays SIGTERM and, when the child's acknowledgement
// takes over 30 ms on a loaded machine, SIGKILLs it and exits 143 itself.
export function startServer(env: Record<string, string>) {
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
export const START_LIMIT_MS = 60_000;

export async function waitForHealth(port: number): Promise<void> {
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
