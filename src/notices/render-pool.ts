import path from 'node:path';
import { Piscina } from 'piscina';
import type { NoticeModel } from './model';

const RENDER_YOUNG_GENERATION_MB = 8;

/** Renders notices off the request thread. */
export interface NoticeRenderer {
  render(model: NoticeModel): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * A pool of worker threads that render notices: rendering takes milliseconds of CPU per notice,
 * which on the main thread would hold up every request in that time. Threads start on the first
 * notice and end after a minute without one, so an idle portal keeps none.
 *
 * Compiled, the worker is the .js file next to this one; run from TypeScript (tsx, jest), the
 * worker loads tsx itself.
 */
export function createRenderPool(options: { threads: number }): NoticeRenderer {
  const extension = path.extname(__filename);
  const pool = new Piscina({
    filename: path.join(__dirname, `render-worker${extension}`),
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    // A render allocates short-lived objects only; V8's default young generation of 48 MB per
    // thread cost 40 MB more resident memory and no rate bench/notices.ts could tell apart.
    resourceLimits: { maxYoungGenerationSizeMb: RENDER_YOUNG_GENERATION_MB },
  });
  return {
    render: (model) => pool.run(model) as Promise<Uint8Array>,
    close: () => pool.destroy(),
  };
}
