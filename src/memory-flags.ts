import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings that keep the server's resident memory small; the server imports this module
 * before any other, so that they apply from the first allocation on.
 *
 * `--heap-growing-percent=25`: on a machine with gigabytes of memory V8 let the old generation
 * grow to four times the live objects (about 55 MB) before it collected, and resident memory
 * rose by 150 MB under load; 1.25 times keeps the heap near what is alive, at the price of more
 * collections, which V8 runs mostly concurrently (bench/README.md has the figures).
 */
setFlagsFromString('--heap-growing-percent=25');
