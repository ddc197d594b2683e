import { createTestApp, type TestApp } from './app';
import { ACTOR_NAMES, buildActors, buildWorld, type ActorName, type TestActor, type World } from './actors';
import { routeTable, type RouteRow } from './routes';
import { callRoute } from './call-route';
import { imageOf } from './images';

/** One app with its callers and records, for the rows a matrix file runs. */
export async function matrixContext(): Promise<{ t: TestApp; actors: Record<ActorName, TestActor>; world: World; table: RouteRow[] }> {
  const t = await createTestApp({ throttleLimits: { perAccount: 1000, perAddress: 1000, windowSeconds: 60 } });
  const actors = await buildActors(t);
  const world = await buildWorld(t, actors);
  return { t, actors, world, table: routeTable(await imageOf('png', 120, 40)) };
}

/**
 * Calls every row as every caller, in table order, and returns the cells whose status differs
 * from the table (with the start of the body, to see why), and the number of cells run.
 */
export async function runMatrix(context: Awaited<ReturnType<typeof matrixContext>>, rows: RouteRow[]): Promise<{ mismatches: string[]; leaks: string[]; cells: number }> {
  const { t, actors, world } = context;
  const mismatches: string[] = [];
  const leaks: string[] = [];
  let cells = 0;
  for (const row of rows) {
    for (const name of ACTOR_NAMES) {
      const res = await callRoute(t, row, actors[name], world);
      cells += 1;
      const body = res.text ?? '';
      if (/\n\s+at .+:\d+:\d+/.test(body)) leaks.push(`${row.route} as ${name}`);
      if (res.status !== row.expect[name]) mismatches.push(`${row.route} as ${name}: expected ${row.expect[name]}, got ${res.status} ${body.slice(0, 160).replace(/\s+/g, ' ')}`);
    }
  }
  return { mismatches, leaks, cells };
}

/** The JSON API (and the health check) in one file, the pages in another: jest runs them side by side. */
export const isApiRow = (row: RouteRow) => /^\w+ \/(api\/|healthz)/.test(row.route);
