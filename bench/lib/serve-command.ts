import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How `npm start` runs the compiled server: the environment and Node flags of its `serve` script. */
export interface ServeCommand {
  env: Record<string, string>;
  nodeArgs: string[];
  script: string;
}

/**
 * Reads `cross-env NAME=value … node --flag … script.js`. The benchmark starts Node itself (it
 * needs the server's own process id to read its memory and CPU), so it takes the settings from
 * the script instead of running it: what is measured is what operators start.
 */
export function parseServeScript(line: string): ServeCommand {
  const words = line.trim().split(/\s+/);
  if (words[0] === 'cross-env') words.shift();
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words.shift() !== 'node') throw new Error(`the serve script does not start node: ${line}`);
  const script = words.pop();
  if (!script || script.startsWith('-') || words.some((w) => !w.startsWith('-'))) {
    throw new Error(`the serve script is not "node [flags] script": ${line}`);
  }
  return { env, nodeArgs: words, script };
}

export function serveCommand(root: string): ServeCommand {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const serve = manifest.scripts.serve;
  if (!serve) throw new Error('package.json has no serve script');
  return parseServeScript(serve);
}
