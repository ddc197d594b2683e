import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * Settings that keep the server's resident memory small. The server imports this module before
 * any other, so that they apply from the first allocation and the first thread on.
 *
 * V8's `--heap-growing-percent=25`: on a machine with gigabytes of memory V8 let the old
 * generation grow to four times the live objects (about 55 MB) before it collected, and resident
 * memory rose by 150 MB under load; 1.25 times keeps the heap near what is alive, at the price of
 * more collections, which V8 runs mostly concurrently (bench/README.md has the figures).
 *
 * libuv's thread pool, which is created on first use: it hashes passwords (argon2, 19 MiB each),
 * and every pool thread keeps the memory of its last hash in its own malloc arena, 19 MB a thread.
 * More threads than cores hash no faster, so the pool has as many as the machine has cores, at
 * most libuv's default of four; UV_THREADPOOL_SIZE set by the operator wins.
 */
setFlagsFromString('--heap-growing-percent=25');
process.env.UV_THREADPOOL_SIZE ??= String(Math.min(4, availableParallelism()));
