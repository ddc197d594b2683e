/**
 * autocannon in a process of its own, so that the load generator does not share an event loop
 * with the benchmark's bookkeeping: `loadFromChild` starts this file with the options, the child
 * runs `load` (load.ts) and prints the result as one JSON line.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, type LoadOptions, type LoadResult } from './load';
import { ROOT } from './processes';

export type ChildLoadOptions = Omit<LoadOptions, 'next'> & {
  /** With `ids`: each request gets the next id put into `{id}` of this path. */
  pathTemplate?: string;
  ids?: string[];
};

export function loadFromChild(options: ChildLoadOptions): Promise<LoadResult> {
  const file = join(tmpdir(), `fps-load-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(options));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'remote-load.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      rmSync(file, { force: true });
      if (code !== 0) return reject(new Error(`load process exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
    });
  });
}

async function main(file: string) {
  const { pathTemplate, ids, ...options } = JSON.parse(readFileSync(file, 'utf8')) as ChildLoadOptions;
  let i = 0;
  const next = pathTemplate && ids ? () => ({ path: pathTemplate.replace('{id}', ids[i++ % ids.length]!), ...(options.body ? { body: options.body } : {}) }) : undefined;
  const result = await load({ ...options, ...(next ? { next } : {}) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main(process.argv[2]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
