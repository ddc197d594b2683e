import type { TestApp } from '../../support/app';
import { ACTOR_NAMES } from '../../support/actors';
import { isApiRow, matrixContext, runMatrix } from '../../support/matrix';

describe('role × route matrix: the JSON API', () => {
  let context: Awaited<ReturnType<typeof matrixContext>>;
  let t: TestApp;

  beforeAll(async () => {
    context = await matrixContext();
    t = context.t;
  }, 120_000);
  afterAll(() => t.close());

  it('when every caller tries every API route, then each gets exactly the status in the table and no stack trace', async () => {
    const rows = context.table.filter(isApiRow);
    const { mismatches, leaks, cells } = await runMatrix(context, rows);
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
    expect(cells).toBe(rows.length * ACTOR_NAMES.length);
  }, 120_000);
});
