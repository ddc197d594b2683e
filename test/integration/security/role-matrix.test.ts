import { createTestApp, type TestApp } from '../../support/app';
import { ACTOR_NAMES, buildActors, buildWorld, type TestActor, type World, type ActorName } from '../../support/actors';
import { routeTable, type RouteRow } from '../../support/routes';
import { registeredRoutes } from '../../support/registered-routes';
import { callRoute } from '../../support/call-route';
import { imageOf } from '../../support/images';

describe('role × route matrix', () => {
  let t: TestApp;
  let actors: Record<ActorName, TestActor>;
  let world: World;
  let table: RouteRow[];

  beforeAll(async () => {
    t = await createTestApp({ throttleLimits: { perAccount: 1000, perAddress: 1000, windowSeconds: 60 } });
    actors = await buildActors(t);
    world = await buildWorld(t, actors);
    table = routeTable(await imageOf('png', 120, 40));
  }, 120_000);
  afterAll(() => t.close());

  it('when a route is registered in the router, then the table has exactly one row for it', () => {
    const rows = routeTable(Buffer.alloc(0)).map((r) => r.route);
    expect(new Set(rows).size).toBe(rows.length);
    expect([...rows].sort()).toEqual(registeredRoutes(t.app));
  });

  it('when every caller tries every route, then each gets exactly the status in the table', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const row of table) {
      for (const name of ACTOR_NAMES) {
        const res = await callRoute(t, row, actors[name], world);
        cells += 1;
        expect(res.text ?? "").not.toMatch(/\n\s+at .+:\d+:\d+/);
        if (res.status !== row.expect[name]) mismatches.push(`${row.route} as ${name}: expected ${row.expect[name]}, got ${res.status} ${(res.text ?? "").slice(0, 160).replace(/\s+/g, ' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(table.length * ACTOR_NAMES.length);
  }, 120_000);
});
