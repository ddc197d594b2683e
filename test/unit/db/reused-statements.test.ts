import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, type Database } from '../../../src/db/client';
import { migrate } from '../../../src/db/migrate';
import { reuseStatements } from '../../../src/db/reused-statements';

describe('reused SQLite statements', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'fps-statements-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(folder, { recursive: true, force: true });
  });

  it('when Prisma runs the same query again, then SQLite compiles it once and each run gets its own arguments', async () => {
    const url = `file:${join(folder, 'test.db')}`;
    await migrate(url);
    const compile = jest.spyOn(BetterSqlite3.prototype, 'prepare');
    const database: Database = await openDatabase(url);
    try {
      const db = database.client;
      for (const name of ['Mitte', 'Süd', 'Nord']) {
        await db.district.create({ data: { id: name, name, planningArea: name } });
      }
      const compiledBefore = compile.mock.calls.length;
      const found = [];
      for (const name of ['Mitte', 'Süd', 'Nord', 'Mitte']) {
        found.push((await db.district.findFirst({ where: { name } }))?.name);
      }
      expect(found).toEqual(['Mitte', 'Süd', 'Nord', 'Mitte']);
      expect(compile.mock.calls.length - compiledBefore).toBe(1);
      expect(await db.district.count()).toBe(3);
    } finally {
      await database.close();
    }
  });

  it('when a transaction fails, then its writes are rolled back with reused statements too', async () => {
    const url = `file:${join(folder, 'test.db')}`;
    await migrate(url);
    const database = await openDatabase(url);
    try {
      const db = database.client;
      await db.district.create({ data: { id: 'mitte', name: 'Mitte', planningArea: 'Mitte' } });
      await expect(
        db.$transaction(async (tx) => {
          await tx.district.create({ data: { id: 'sued', name: 'Süd', planningArea: 'Süd' } });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await db.$transaction(async (tx) => {
        await tx.district.create({ data: { id: 'nord', name: 'Nord', planningArea: 'Nord' } });
      });
      expect((await db.district.findMany({ orderBy: { name: 'asc' } })).map((d) => d.name)).toEqual(['Mitte', 'Nord']);
    } finally {
      await database.close();
    }
  });

  it('when more texts than it keeps were run, then the least recently used statement is compiled again', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const compile = jest.spyOn(sqlite, 'prepare');
    reuseStatements(sqlite, 2);
    const value = (sql: string, n: number) => sqlite.prepare(sql).bind([n]).raw().all()[0];
    expect(value('SELECT ? + 1', 1)).toEqual([2]);
    expect(value('SELECT ? + 2', 1)).toEqual([3]);
    expect(value('SELECT ? + 1', 2)).toEqual([3]);
    expect(value('SELECT ? + 3', 1)).toEqual([4]);
    expect(compile).toHaveBeenCalledTimes(3);
    expect(value('SELECT ? + 1', 3)).toEqual([4]);
    expect(compile).toHaveBeenCalledTimes(3);
    expect(value('SELECT ? + 2', 5)).toEqual([7]);
    expect(compile).toHaveBeenCalledTimes(4);
    sqlite.close();
  });
});
