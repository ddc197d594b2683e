import { relative } from 'node:path';

/** The parts of V8's .cpuprofile format that the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  groups: { name: string; ms: number; share: number }[];
}

/**
 * Where a function's code lives, coarse enough to act on: an npm package, a folder of the
 * portal's own code, or one of V8's pseudo-frames (garbage collector, idle, native code).
 */
export function placeOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'anonymous'})`;
  if (url.startsWith('node:')) return url;
  const path = url.replace(/^file:\/\//, '');
  const packages = path.split('/node_modules/');
  if (packages.length > 1) {
    const parts = packages[packages.length - 1]!.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const local = relative(root, path);
  if (local.startsWith('..')) return path;
  const parts = local.split('/');
  // dist/src/cases/x.js → src/cases; generated clients are Prisma's code
  const inSrc = parts[0] === 'dist' ? parts.slice(1) : parts;
  if (inSrc[1] === 'generated') return 'prisma generated client';
  return inSrc.slice(0, Math.min(2, inSrc.length - 1)).join('/') || local;
}

/** Self time per place, largest first; idle time and the program's own bookkeeping are left out. */
export function summariseProfile(profile: CpuProfile, root: string): ProfileSummary {
  const placeById = new Map(profile.nodes.map((n) => [n.id, placeOf(n.callFrame.url, n.callFrame.functionName, root)]));
  const microseconds = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const place = placeById.get(id) ?? '(unknown)';
    microseconds.set(place, (microseconds.get(place) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  microseconds.delete('(idle)');
  microseconds.delete('(program)');
  const total = [...microseconds.values()].reduce((a, b) => a + b, 0);
  const groups = [...microseconds.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000, share: (100 * us) / total }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, groups };
}
