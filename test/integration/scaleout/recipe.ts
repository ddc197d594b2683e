import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const README = join(__dirname, '..', '..', '..', 'README.md');

/** The fenced block that follows `<!-- recipe: name -->` in the README, exactly as written there. */
export function readmeRecipe(name: string): string {
  const text = readFileSync(README, 'utf8');
  const marker = `<!-- recipe: ${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`README has no ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at + marker.length));
  if (!block?.[1]) throw new Error(`README has no code block after ${marker}`);
  return block[1];
}

/** KEY=VALUE lines of a systemd EnvironmentFile; comments and blank lines skipped. */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!;
  }
  return env;
}

/** Replaces each `from` (which must occur) with its `to`: when the README changes, the test says so. */
export function substitute(text: string, replacements: [string, string][]): string {
  let out = text;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`the recipe no longer contains "${from}"`);
    out = out.split(from).join(to);
  }
  return out;
}

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));

export interface Nginx {
  dir: string;
  certificate: string;
  key: string;
  stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 and a folder for an nginx of the test's own. */
export function prepareNginx(): Omit<Nginx, 'stop'> {
  if (!NGINX) throw new Error('nginx is needed for the deployment recipe check: apt-get install nginx');
  const dir = mkdtempSync(join(tmpdir(), 'fps-nginx-'));
  // nginx's workers run as an unprivileged user when the test runs as root.
  chmodSync(dir, 0o755);
  const certificate = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-subj', '/CN=127.0.0.1', '-days', '2'], { stdio: 'ignore' });
  return { dir, certificate, key };
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

/** Runs nginx in the foreground with `site` (a conf.d file) inside a minimal main configuration. */
export async function startNginx(prepared: Omit<Nginx, 'stop'>, site: string, ports: number[]): Promise<Nginx> {
  const { dir } = prepared;
  const temp = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    chmodSync(path, 0o777);
    return `${name === 'body' ? 'client_body' : name}_temp_path ${path};`;
  });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n  ${temp.join('\n  ')}\n${site}\n}\n`,
  );
  execFileSync(NGINX!, ['-t', '-p', dir, '-c', conf], { stdio: 'pipe' });
  const child = spawn(NGINX!, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (const port of ports) await waitForPort(port, 20_000, () => output + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''));
  return {
    ...prepared,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
