import { migrationsFolder, pendingMigrations, readMigrations } from '../../../src/db/migrate';

const m = (name: string, checksum = `sum-${name}`) => ({ name, sql: '', checksum });

describe('migration runner', () => {
  it('when some migrations are applied, then only the later ones are pending, in order', () => {
    const all = [m('1_init'), m('2_more'), m('3_last')];
    expect(pendingMigrations(all, new Map([['1_init', 'sum-1_init']])).map((x) => x.name)).toEqual(['2_more', '3_last']);
  });

  it('when an applied migration was changed or removed, then it refuses to go on', () => {
    expect(() => pendingMigrations([m('1_init', 'other')], new Map([['1_init', 'sum-1_init']]))).toThrow(/changed/);
    expect(() => pendingMigrations([], new Map([['1_init', 'sum-1_init']]))).toThrow(/missing/);
  });

  it('when both databases have migration folders, then they hold the same migration names', () => {
    const sqlite = readMigrations(migrationsFolder('sqlite')).map((x) => x.name);
    const postgres = readMigrations(migrationsFolder('postgresql')).map((x) => x.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });
});
