import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { databaseStorage, folderStorage } from '../../../src/documents/storage';
import { countMisplacedFiles } from '../../../src/documents/misplaced-files';
import { bearerToken, createTestApp, type TestApp } from '../../support/app';
import { buildDraftApplication } from '../../support/cases';
import { filesBelow } from '../../support/disk';
import { buildUser, PASSWORD } from '../../support/factories';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const FILES = 60;

describe('npm run admin -- migrate-files', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    // The portal as it ran before: files in the folder, whatever the database.
    t = await createTestApp({ env: { FILE_STORAGE: 'folder' } });
    token = await bearerToken(t.app, (await buildUser(t.db, 'applicant')).email, PASSWORD);
    caseId = (await buildDraftApplication(t, token)).id;
    const folder = folderStorage(t.uploadDir);
    for (let i = 0; i < FILES; i += 1) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2_000 + i), Buffer.from('\n%%EOF\n')]);
      await folder.putWith(t.db, bytes, (tx, storageKey) =>
        tx.attachment.create({
          data: { caseId, kind: 'other', fileName: `anlage-${i}.pdf`, mediaType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), storageKey, uploadedById: 'seed' },
        }),
      );
    }
  });
  afterAll(() => t.close());

  const migrate = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/admin.ts', 'migrate-files', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.testDb.url, UPLOAD_DIR: t.uploadDir, LOG_LEVEL: 'silent', FILE_STORAGE: 'folder' },
    });
  const attachments = () => t.db.attachment.findMany({ orderBy: { id: 'asc' } });
  const expectAllVerifiedIn = async (storage: ReturnType<typeof folderStorage>) => {
    for (const a of await attachments()) expect(sha256(await storage.get(a.storageKey))).toBe(a.sha256);
  };

  it('when the files are moved into the database, then each is there verified, the folder is empty, progress was shown and the portal serves them', async () => {
    const { stdout } = await migrate('--to', 'database');
    expect(stdout).toContain('Ziel: Datenbank');
    expect(stdout).toContain(`Dateien: 50/${FILES} (verschoben 50, schon dort 0, fehlend 0, beschädigt 0)`);
    expect(stdout).toContain(`Dateien: ${FILES}/${FILES} (verschoben ${FILES}, schon dort 0, fehlend 0, beschädigt 0)`);
    expect(stdout).toContain('mit FILE_STORAGE=database neu starten');
    expect(await t.db.storedFile.count()).toBe(FILES);
    expect(filesBelow(t.uploadDir)).toEqual([]);
    await expectAllVerifiedIn(databaseStorage(t.db));
    // What the server counts at start to warn about files the configured storage would not find.
    expect(await countMisplacedFiles(t.db, 'database')).toBe(0);
    expect(await countMisplacedFiles(t.db, 'folder')).toBe(FILES);

    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.testDb.url, LOG_LEVEL: 'silent', UPLOAD_DIR: t.uploadDir, FILE_STORAGE: 'database' });
    const portal = createApp({ config, database: t.testDb.database, logger: pino({ level: 'silent' }) });
    try {
      const [first] = await attachments();
      const res = await request(portal).get(`/api/v1/applications/${caseId}/attachments/${first!.id}`).set('Authorization', `Bearer ${token}`).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(sha256(res.body as Buffer)).toBe(first!.sha256);
    } finally {
      await portal.services.jobs.stop();
      await portal.services.renderer.close();
    }
  });

  it('when it runs again, then nothing is copied twice and it succeeds', async () => {
    const { stdout } = await migrate('--to', 'database');
    expect(stdout).toContain(`Dateien: ${FILES}/${FILES} (verschoben 0, schon dort ${FILES}, fehlend 0, beschädigt 0)`);
    expect(await t.db.storedFile.count()).toBe(FILES);
  });

  it('when a move back to the folder was interrupted (one file copied, one half written), then the next run finishes it', async () => {
    const [copied, half] = await attachments();
    const folder = folderStorage(t.uploadDir);
    // What a crash leaves: a copy that was not yet removed from the source, and a torn write.
    await folder.putAt(copied!.storageKey, await databaseStorage(t.db).get(copied!.storageKey));
    await folder.putAt(half!.storageKey, Buffer.from('%PDF-1.4\nabgebroch'));
    const { stdout } = await migrate('--to', 'folder');
    expect(stdout).toContain(`Dateien: ${FILES}/${FILES} (verschoben ${FILES - 1}, schon dort 1, fehlend 0, beschädigt 0)`);
    expect(stdout).not.toContain('Hinweis');
    expect(await t.db.storedFile.count()).toBe(0);
    expect(filesBelow(t.uploadDir)).toHaveLength(FILES);
    expect(await countMisplacedFiles(t.db, 'folder')).toBe(0);
    await expectAllVerifiedIn(folder);
  });

  it('when a file is damaged or missing in the source, then it is named and left where it is, the rest is moved and the command fails', async () => {
    const [damaged, lost] = await attachments();
    writeFileSync(join(t.uploadDir, damaged!.storageKey.slice(0, 2), damaged!.storageKey), '%PDF-1.4\nverändert\n');
    rmSync(join(t.uploadDir, lost!.storageKey.slice(0, 2), lost!.storageKey));
    const failure = await migrate('--to', 'database').then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain(`Dateien: ${FILES}/${FILES} (verschoben ${FILES - 2}, schon dort 0, fehlend 1, beschädigt 1)`);
    expect(failure?.stderr).toContain(`Fehlt in beiden Ablagen: ${lost!.storageKey}`);
    expect(failure?.stderr).toContain(`SHA-256 stimmt nicht, nicht verschoben: ${damaged!.storageKey}`);
    expect(await databaseStorage(t.db).has(damaged!.storageKey)).toBe(false);
    expect(filesBelow(t.uploadDir)).toEqual([`${damaged!.storageKey.slice(0, 2)}/${damaged!.storageKey}`]);
    expect(await t.db.storedFile.count()).toBe(FILES - 2);
  });

  it('when --to is missing or names no backend, then it exits non-zero and says what to give', async () => {
    await expect(migrate()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--to: database oder folder angeben') });
    await expect(migrate('--to', 's3')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--to: database oder folder angeben') });
  });
});
