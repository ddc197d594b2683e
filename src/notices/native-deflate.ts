/**
 * pdf-lib compresses every stream with pako, a deflate written in JavaScript; Node's zlib writes
 * the same format natively in a fraction of the time. pdf-lib reads `deflate` from pako's module
 * object at each call, so replacing it there switches all of pdf-lib in this process.
 *
 * Font programs shared between notices (fonts.ts) are compressed once: pdf-lib hands them over
 * as fresh copies, so they are recognised by length and content.
 */
import { deflateSync } from 'node:zlib';

// The pako that pdf-lib itself resolves, whatever the layout of node_modules.
const pako = require(require.resolve('pako', { paths: [require.resolve('pdf-lib')] })) as {
  deflate: (data: Uint8Array) => Uint8Array;
};

const MAX_SHARED = 128;
const shared = new Map<number, { source: Uint8Array; compressed: Uint8Array }>();

/** Marks bytes that many documents will contain, so that their compressed form is kept. */
export function shareCompression(source: Uint8Array): void {
  if (shared.size >= MAX_SHARED) shared.delete(shared.keys().next().value as number);
  shared.set(source.length, { source, compressed: deflateSync(source) });
}

pako.deflate = (data: Uint8Array): Uint8Array => {
  const known = shared.get(data.length);
  if (known && Buffer.compare(known.source, data) === 0) return known.compressed;
  // The fastest level: a notice's content streams come out about 4 % larger than at the default
  // level and are written in a fraction of the time (shared font programs keep the default).
  return deflateSync(data, { level: 1 });
};
