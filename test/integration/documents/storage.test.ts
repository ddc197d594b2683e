import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStorage, fileStorageKinds, type FileStorage } from '../../../src/documents/storage';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { filesBelow } from '../../support/disk';

describe.each(fileStorageKinds)('the %s file storage', (kind) => {
  let testDb: TestDatabase;
  let uploadDir: string;
  let storage: FileStorage;
  const bytes = Buffer.from('%PDF-1.4\nÄrger über Bytes\n%%EOF\n');
  // Any table serves as "the row naming the file"; counters are the simplest.
  const db = () => testDb.database.client;
  const held = async () => (kind === 'database' ? (await db().storedFile.findMany()).map((f) => f.key) : filesBelow(uploadDir).map((f) => f.slice(3)));

  beforeAll(async () => {
    testDb = await createTestDatabase();
    uploadDir = mkdtempSync(join(tmpdir(), 'fps-storage-'));
    storage = createFileStorage({ kind, db: db(), uploadDir });
  });
  afterAll(async () => {
    await testDb.drop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('when a file is put with its row, then both are kept and the bytes read back unchanged', async () => {
    const key = await storage.putWith(db(), bytes, async (tx, k) => {
      await tx.counter.create({ data: { key: `file-${k}`, value: 1 } });
      return k;
    });
    expect(await storage.get(key)).toEqual(bytes);
    expect(await storage.has(key)).toBe(true);
    expect(await db().counter.count({ where: { key: `file-${key}` } })).toBe(1);
    expect(await held()).toContain(key);
  });

  it('when the transaction of the row fails, then no bytes are left behind', async () => {
    const before = await held();
    let chosen = '';
    await expect(
      storage.putWith(db(), bytes, async (tx, k) => {
        chosen = k;
        await tx.counter.create({ data: { key: `refused-${k}`, value: 1 } });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await held()).toEqual(before);
    expect(await storage.has(chosen)).toBe(false);
    expect(await db().counter.count({ where: { key: `refused-${chosen}` } })).toBe(0);
  });

  it('when a file is removed with its row, then both are gone; when that transaction fails, then both stay', async () => {
    const key = await storage.putWith(db(), bytes, async (tx, k) => {
      await tx.counter.create({ data: { key: `gone-${k}`, value: 1 } });
      return k;
    });
    await expect(
      storage.removeWith(db(), key, async (tx) => {
        await tx.counter.delete({ where: { key: `gone-${key}` } });
        throw new Error('not now');
      }),
    ).rejects.toThrow('not now');
    expect(await storage.get(key)).toEqual(bytes);
    expect(await db().counter.count({ where: { key: `gone-${key}` } })).toBe(1);
    await storage.removeWith(db(), key, async (tx) => {
      await tx.counter.delete({ where: { key: `gone-${key}` } });
    });
    expect(await storage.has(key)).toBe(false);
    expect(await db().counter.count({ where: { key: `gone-${key}` } })).toBe(0);
    await expect(storage.get(key)).rejects.toThrow();
  });

  it('when bytes are put at a chosen key twice, then the second replaces the first', async () => {
    const key = '0f0e0d0c-0b0a-4908-8706-050403020100';
    await storage.putAt(key, Buffer.from('erste Fassung'));
    await storage.putAt(key, Buffer.from('zweite'));
    expect((await storage.get(key)).toString()).toBe('zweite');
    await storage.remove(key);
    expect(await storage.has(key)).toBe(false);
  });
});
