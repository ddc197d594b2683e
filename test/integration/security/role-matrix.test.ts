import type { TestApp } from '../../support/app';
import { ACTOR_NAMES } from '../../support/actors';
import { routeTable } from '../../support/routes';
import { registeredRoutes } from '../../support/registered-routes';
import { isApiRow, matrixContext, runMatrix } from '../../support/matrix';

describe('role × route matrix: the table and the pages', () => {
  let context: Awaited<ReturnType<typeof matrixContext>>;
  let t: TestApp;

  beforeAll(async () => {
    context = await matrixContext();
    t = context.t;
  }, 120_000);
  afterAll(() => t.close());

  it('when a route is registered in the router, then the table has exactly one row for it', () => {
    const rows = routeTable(Buffer.alloc(0)).map((r) => r.route);
    expect(new Set(rows).size).toBe(rows.length);
    expect([...rows].sort()).toEqual(registeredRoutes(t.app));
  });

  it('when the table is counted, then it has a row per route and a cell per route and caller', () => {
    expect(context.table.length).toBe(registeredRoutes(t.app).length);
    expect(context.table.length * ACTOR_NAMES.length).toBeGreaterThanOrEqual(540);
  });

  it('when every caller tries every page, then each gets exactly the status in the table and no stack trace', async () => {
    const rows = context.table.filter((row) => !isApiRow(row));
    const { mismatches, leaks, cells } = await runMatrix(context, rows);
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
    expect(cells).toBe(rows.length * ACTOR_NAMES.length);
  }, 120_000);
});
