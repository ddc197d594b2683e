import { createTestApp, type TestApp } from '../../support/app';
import { seedReportWorld } from '../../support/report-data';
import { resolveScope } from '../../../src/reports/scope';

describe('the scope a report shows when nobody chose one', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when next year\'s round is open but has no submitted application, then the report shows the year being worked on; once it has one, that year', async () => {
    expect((await resolveScope(t.db, {}, 2026)).year).toBe(2026);
    const world = await seedReportWorld(t.db, [
      { district: 'rieth', field: 'kinder-jugend-und-familie', state: 'submitted', requested: 100_000 },
      { district: 'rieth', field: 'kinder-jugend-und-familie', state: 'draft', requested: 100_000, round: 'r2028', submittedAt: null },
    ]);
    const scope = await resolveScope(t.db, {}, 2026);
    expect(scope).toMatchObject({ year: 2027, roundIds: [world.r2027.id], label: 'Förderjahr 2027' });
    expect((await resolveScope(t.db, { year: 2028 }, 2026)).roundIds).toEqual([world.r2028.id]);

    await t.db.case.update({ where: { id: world.ids[1]! }, data: { state: 'submitted', submittedAt: new Date('2027-01-12T09:00:00Z') } });
    expect((await resolveScope(t.db, {}, 2026)).year).toBe(2028);
  });
});
