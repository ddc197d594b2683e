import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxFolder } from '../../../bench/lib/nginx';

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

/** A folder for nginx with a self-signed certificate for 127.0.0.1. */
export function prepareNginx(): { dir: string; certificate: string; key: string } {
  const dir = nginxFolder();
  const certificate = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-subj', '/CN=127.0.0.1', '-days', '2'], { stdio: 'ignore' });
  return { dir, certificate, key };
}
