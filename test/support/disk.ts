import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder, as paths relative to it. */
export function filesBelow(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else out.push(`${prefix}${entry.name}`);
    }
  };
  walk(root, '');
  return out.sort();
}
