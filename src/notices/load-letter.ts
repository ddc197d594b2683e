import type * as LetterModule from './letter';

/**
 * The letter layout (letter.ts), loaded on first use: it brings pdf-lib, fontkit and the fonts
 * (about 50 MB resident), which the request thread needs only to check notices, not to draw
 * them. `require` rather than `import()`: run from TypeScript (tests, npm run dev), a worker
 * thread resolves `import()` through the ES module loader, which does not find './letter'.
 */
export function loadLetter(): typeof LetterModule {
  return require('./letter') as typeof LetterModule;
}
