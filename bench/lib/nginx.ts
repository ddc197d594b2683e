import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx (apt-get install nginx); undefined when it is not installed. */
export const NGINX_BINARY = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));

export interface RunningNginx {
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

/** A folder for an nginx of one's own, which its unprivileged workers can enter. */
export function nginxFolder(): string {
  if (!NGINX_BINARY) throw new Error('nginx is needed here: apt-get install nginx');
  const dir = mkdtempSync(join(tmpdir(), 'fps-nginx-'));
  chmodSync(dir, 0o755);
  return dir;
}

async function waitForPort(port: number, timeoutMs: number, log: () => string): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

/**
 * Runs nginx in the foreground with `site` (what a conf.d file holds: upstreams and servers)
 * inside a minimal main configuration whose pid, logs and temporary files stay in `dir`; the
 * system's nginx service is neither used nor touched. Resolves once it listens on `ports`.
 */
export async function startNginx(options: { dir: string; site: string; ports: number[]; workers?: number }): Promise<RunningNginx> {
  const { dir } = options;
  const temp = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    // Workers run as an unprivileged user when nginx is started by root.
    chmodSync(path, 0o777);
    return `${name === 'body' ? 'client_body' : name}_temp_path ${path};`;
  });
  const conf = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'error.log');
  writeFileSync(
    conf,
    [
      `worker_processes ${options.workers ?? 1};`,
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...temp.map((line) => `  ${line}`),
      options.site,
      '}',
      '',
    ].join('\n'),
  );
  execFileSync(NGINX_BINARY!, ['-t', '-q', '-p', dir, '-c', conf], { stdio: 'pipe' });
  const child = spawn(NGINX_BINARY!, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const log = () => output + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  for (const port of options.ports) await waitForPort(port, 20_000, log);
  return {
    dir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
