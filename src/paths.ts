import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project folder (holding package.json), whether running from src/ with tsx or from dist/. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(__dirname);
