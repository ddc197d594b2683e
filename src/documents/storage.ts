import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db, Tx } from '../db/client';

export const fileStorageKinds = ['folder', 'database'] as const;
export type FileStorageKind = (typeof fileStorageKinds)[number];

/**
 * Where uploaded bytes live: a folder for one machine, or a table when several instances share
 * one database. Rows name the bytes by key; the two `…With` methods keep the bytes and the
 * transaction that writes or deletes the naming row together, so a failed request leaves neither
 * a row without its bytes nor bytes without their row.
 */
export interface FileStorage {
  readonly kind: FileStorageKind;
  /**
   * Stores `bytes` under a new key and runs `record(tx, key)`, the transaction that writes the
   * row naming them: both are kept or neither is.
   */
  putWith<T>(db: Db, bytes: Buffer, record: (tx: Tx, key: string) => Promise<T>): Promise<T>;
  /** Runs `record(tx)`, the transaction that deletes the row naming `key`, and removes the bytes with it. */
  removeWith<T>(db: Db, key: string, record: (tx: Tx) => Promise<T>): Promise<T>;
  get(key: string): Promise<Buffer>;
  has(key: string, tx?: Tx): Promise<boolean>;
  /** Writes bytes under a key chosen before (a restore, a move between backends); replaces what is there. */
  putAt(key: string, bytes: Buffer, tx?: Tx): Promise<void>;
  remove(key: string, tx?: Tx): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}$/;

/** Keys are random; a file's name never reaches the file system. */
export function folderStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return join(root, key.slice(0, 2), key);
  };
  const remove = (key: string) => rm(pathOf(key), { force: true });
  return {
    kind: 'folder',
    async putWith(db, bytes, record) {
      const key = randomUUID();
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      // Written before the transaction, so the database never waits for the disk.
      await writeFile(pathOf(key), bytes, { flag: 'wx' });
      try {
        return await db.$transaction((tx) => record(tx, key));
      } catch (error) {
        await remove(key);
        throw error;
      }
    },
    async removeWith(db, key, record) {
      const result = await db.$transaction((tx) => record(tx));
      // After the commit: a crash in between leaves an unnamed file, never a row without its file.
      await remove(key);
      return result;
    },
    get: (key) => readFile(pathOf(key)),
    has: (key) => access(pathOf(key)).then(
      () => true,
      () => false,
    ),
    async putAt(key, bytes) {
      const path = pathOf(key);
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      // Renamed into place, so a crash never leaves half a file under a key.
      const partial = `${path}.${randomUUID()}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
    },
    remove,
  };
}

/**
 * The bytes in the StoredFile table, written in the same transaction as the row that names them:
 * every instance on the database serves every file, and a backup of the database holds them.
 */
export function databaseStorage(db: Db): FileStorage {
  const upsert = (client: Db | Tx, key: string, bytes: Buffer) =>
    client.storedFile.upsert({ where: { key }, create: { key, bytes: column(bytes), size: bytes.length }, update: { bytes: column(bytes), size: bytes.length } });
  return {
    kind: 'database',
    async putWith(client, bytes, record) {
      const key = randomUUID();
      return client.$transaction(async (tx) => {
        // The record first: when it refuses (the case is full), the bytes never travel.
        const result = await record(tx, key);
        await tx.storedFile.create({ data: { key, bytes: column(bytes), size: bytes.length } });
        return result;
      });
    },
    removeWith: (client, key, record) =>
      client.$transaction(async (tx) => {
        const result = await record(tx);
        await tx.storedFile.deleteMany({ where: { key } });
        return result;
      }),
    async get(key) {
      const row = await db.storedFile.findUnique({ where: { key }, select: { bytes: true } });
      if (!row) throw new Error(`stored file ${key} not found`);
      return Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
    },
    has: async (key, tx) => (await (tx ?? db).storedFile.count({ where: { key } })) > 0,
    async putAt(key, bytes, tx) {
      await upsert(tx ?? db, key, bytes);
    },
    async remove(key, tx) {
      await (tx ?? db).storedFile.deleteMany({ where: { key } });
    },
  };
}

/** Prisma types Bytes as Uint8Array over an ArrayBuffer; uploads and files read are never shared memory. */
const column = (bytes: Buffer) => bytes as Uint8Array<ArrayBuffer>;

/** The backend the configuration names (config.ts picks it from the database when unset). */
export function createFileStorage(options: { kind: FileStorageKind; db: Db; uploadDir: string }): FileStorage {
  return options.kind === 'database' ? databaseStorage(options.db) : folderStorage(options.uploadDir);
}
