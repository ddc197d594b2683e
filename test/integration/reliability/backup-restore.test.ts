import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import type { Db } from '../../../src/db/client';
import { changeAuthorityProfile, seedAuthorityProfile } from '../../../src/notices/authority';
import { BACKUP_TABLES, encodeRow } from '../../../src/cli/backup-format';
import { createFileStorage, type FileStorageKind } from '../../../src/documents/storage';
import { filesBelow } from '../../support/disk';
import { createTestApp, bearerToken, signInCookie, type TestApp } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildUser, PASSWORD } from '../../support/factories';
import { imageOf } from '../../support/images';
import { buildApplicationAwaitingDecision, sendEvent } from '../../support/cases';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '');

/** `npm run admin -- …` against a database and its file storage. */
const admin = (args: string[], target: { url: string; uploadDir: string; fileStorage?: FileStorageKind }) =>
  run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: target.url, UPLOAD_DIR: target.uploadDir, LOG_LEVEL: 'silent', ...(target.fileStorage ? { FILE_STORAGE: target.fileStorage } : {}) },
  });

interface Target {
  testDb: TestDatabase;
  url: string;
  uploadDir: string;
  /** The storage the target's files go to: the database's default unless set. */
  fileStorage: FileStorageKind;
}

/** A fresh database (of the kind the suite runs on, or of the other kind on request) with an empty upload folder. */
async function freshTarget(kind: 'suite' | 'sqlite' | 'postgres' = 'suite', fileStorage?: FileStorageKind): Promise<Target> {
  const saved = process.env.TEST_DATABASE_URL;
  if (kind === 'sqlite') delete process.env.TEST_DATABASE_URL;
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = process.env.PG_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  try {
    const testDb = await createTestDatabase();
    const chosen = loadConfig({ DATABASE_URL: testDb.url, ...(fileStorage ? { FILE_STORAGE: fileStorage } : {}) }).fileStorage;
    return { testDb, url: testDb.url, uploadDir: mkdtempSync(join(tmpdir(), 'fps-restore-')), fileStorage: chosen };
  } finally {
    process.env.TEST_DATABASE_URL = saved;
  }
}

/** Every table's rows, normalised (dates and bytes as text) and sorted by key in JavaScript, not by the database's collation. */
async function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const { model, key } of BACKUP_TABLES) {
    const rows = (await (db as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> }>)[model]!.findMany()).map(encodeRow);
    all[model] = rows.sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
  }
  return all;
}

describe('npm run admin -- backup / restore', () => {
  let t: TestApp;
  let head: string;
  let headCookie: string;
  let source: Record<string, unknown[]>;
  let sourceCounts: unknown[];
  const caseCounts = (db: Db) => db.caseCount.findMany({ where: { count: { not: 0 } }, orderBy: [{ kind: 'asc' }, { state: 'asc' }, { submitted: 'asc' }] });
  const dir = mkdtempSync(join(tmpdir(), 'fps-backup-'));
  const file = join(dir, 'sicherung.jsonl.gz');
  const targets: Target[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedAuthorityProfile(t.db);
    const logo = new Uint8Array(await imageOf('png', 40, 20));
    // Through the profile's change function, so the revisions a notice prints from are there too.
    await t.db.$transaction((tx) =>
      changeAuthorityProfile(tx, t.clock.now(), async () => {
        await tx.authorityProfile.updateMany({ data: { logo, logoMediaType: 'image/png' } });
      }),
    );
    const member = await buildUser(t.db, 'applicant');
    const applicant = await bearerToken(t.app, member.email, PASSWORD);
    const coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    const headUser = await buildUser(t.db, 'head');
    head = await bearerToken(t.app, headUser.email, PASSWORD);
    headCookie = await signInCookie(t.app, headUser.email, PASSWORD);
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    await request(t.app).post(`/api/v1/applications/${app.id}/comments`).set({ Authorization: `Bearer ${coordinator}` }).send({ body: 'Intern: Ümlaute & "Zeichen" ✓', visibility: 'internal' });
    expect((await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '9000.00', rationale: 'Teilweise.' })).status).toBe(200);
    await t.app.services.jobs.drain();
    await t.db.invitation.create({ data: { tokenHash: 'hash-of-invitation', email: 'neu@verein.example', organisationId: member.organisationId!, invitedById: member.id, expiresAt: new Date('2027-01-01T00:00:00Z') } });
    // Planning rows: a round the case belongs to, a district figure and a committee resolution on it.
    const round = await t.db.fundingRound.create({ data: { programmeId: 'FRL_SOZIALES', year: 2027, deadline: '2026-09-30', budgetCents: 3_500_000, committedCents: 900_000 } });
    await t.db.case.update({ where: { id: app.id }, data: { roundId: round.id } });
    await t.db.districtIndicator.create({ data: { districtId: 'rieth', year: 2027, socialIndex: 78.25, inhabitants: 6400 } });
    const resolution = await t.db.committeeResolution.create({ data: { roundId: round.id, number: 'DS 0815/26', date: '2026-11-20', createdById: headUser.id } });
    await t.db.committeeOutcome.create({ data: { resolutionId: resolution.id, caseId: app.id, outcome: 'endorsed', note: 'Einstimmig' } });
    // Uploaded district shapes for the map.
    await t.db.mapLayer.create({ data: { id: 'districts', geoJson: '[{"districtId":"rieth","name":"Rieth","rings":[[[11.0,51.0],[11.1,51.0],[11.1,51.1],[11.0,51.0]]]}]', featureCount: 1, fileName: 'ortsteile.geojson', uploadedById: headUser.id } });
    // A refused sign-in leaves a throttling counter.
    await request(t.app).post('/api/v1/auth/tokens').send({ email: member.email, password: 'falsch-falsch-falsch' });
    source = await everyRow(t.db);
    sourceCounts = await caseCounts(t.db);
    for (const { model } of BACKUP_TABLES) expect({ model, rows: source[model]!.length > 0 }).toEqual({ model, rows: true });
  });
  afterAll(async () => {
    await t.close();
    for (const target of targets) {
      await target.testDb.drop();
      rmSync(target.uploadDir, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const restoreInto = async (kind: 'suite' | 'sqlite' | 'postgres', from = file, fileStorage?: FileStorageKind) => {
    const target = await freshTarget(kind, fileStorage);
    targets.push(target);
    const { stdout } = await admin(['restore', from], target);
    expect(stdout).toMatch(/Wiederhergestellt: \d+ Zeilen, \d+ Dateien/);
    return target;
  };

  const expectIdentical = async (target: Target) => {
    expect(await everyRow(target.testDb.database.client)).toEqual(source);
    // Case counts are not in the file: the restore rebuilds them from the cases.
    expect(sourceCounts.length).toBeGreaterThan(0);
    expect(await caseCounts(target.testDb.database.client)).toEqual(sourceCounts);
    const db = target.testDb.database.client;
    const storage = createFileStorage({ kind: target.fileStorage, db, uploadDir: target.uploadDir });
    const attachments = await db.attachment.findMany();
    for (const a of attachments) {
      expect(createHash('sha256').update(await storage.get(a.storageKey)).digest('hex')).toBe(a.sha256);
    }
    // The files are in the target's storage only, not also in the other one.
    if (target.fileStorage === 'database') expect(filesBelow(target.uploadDir)).toEqual([]);
    else expect(await db.storedFile.count()).toBe(0);
  };

  it('when a database is backed up and restored into a fresh one, then every row, upload and notice is identical', async () => {
    const { stdout } = await admin(['backup', file], { url: t.testDb.url, uploadDir: t.uploadDir, fileStorage: t.app.services.config.fileStorage });
    expect(stdout).toMatch(/Gesichert: \d+ Zeilen, 3 Dateien/);
    await expectIdentical(await restoreInto('suite'));
  });

  it('when the restored portal serves a notice, then its SHA-256 still verifies and old sign-ins still work', async () => {
    const target = targets[0]!;
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: target.url, LOG_LEVEL: 'silent', UPLOAD_DIR: target.uploadDir });
    const restored = createApp({ config, database: target.testDb.database, logger: pino({ level: 'silent' }) });
    try {
      const notice = await target.testDb.database.client.notice.findFirstOrThrow({ where: { kind: 'grant' } });
      const pdf = await request(restored).get(`/api/v1/notices/${notice.id}`).set({ Authorization: `Bearer ${head}` }).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(pdf.status).toBe(200);
      const sha256 = createHash('sha256').update(pdf.body as Buffer).digest('hex');
      const verified = await request(restored).get(`/api/v1/verify/${notice.verificationCode}`);
      expect(verified.body).toMatchObject({ sha256, code: notice.verificationCode });
      expect((await request(restored).get('/').set('Cookie', headCookie)).status).toBe(200);
      expect((await request(restored).get('/api/v1/applications').set('Cookie', headCookie)).status).toBe(200);
    } finally {
      await restored.services.jobs.stop();
      await restored.services.renderer.close();
    }
  });

  it('when the target already holds data, then restore refuses without --force and replaces it with --force', async () => {
    const target = targets[0]!;
    const db = target.testDb.database.client;
    await db.comment.deleteMany();
    await expect(admin(['restore', file], target)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/enthält bereits Daten.*--force/) });
    expect(await db.comment.count()).toBe(0);
    await admin(['restore', file, '--force'], target);
    await expectIdentical(target);
  });

  it('when a backup file is cut short, then restore changes nothing', async () => {
    const target = await freshTarget();
    targets.push(target);
    const whole = readFileSync(file);
    const { writeFileSync } = await import('node:fs');
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const lines = gunzipSync(whole).toString().trimEnd().split('\n');
    const cut = join(dir, 'abgeschnitten.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    await expect(admin(['restore', cut], target)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/unvollständig/) });
    expect(await target.testDb.database.client.user.count()).toBe(0);
  });

  it('when a backup goes to the other kind of database and back, then everything is still identical', async () => {
    const other = await restoreInto(onPostgres ? 'sqlite' : 'postgres');
    await expectIdentical(other);
    const second = join(dir, 'aus-der-anderen-datenbank.jsonl.gz');
    await admin(['backup', second], other);
    await expectIdentical(await restoreInto('suite', second));
  });

  it.each(['database', 'folder'] as const)('when the files of a backup go into storage of kind %s and are backed up from there, then nothing is lost', async (fileStorage) => {
    const target = await restoreInto('suite', file, fileStorage);
    await expectIdentical(target);
    const again = join(dir, `aus-${fileStorage}.jsonl.gz`);
    const { stdout } = await admin(['backup', again], target);
    expect(stdout).toMatch(/Gesichert: \d+ Zeilen, 3 Dateien/);
    await expectIdentical(await restoreInto('suite', again, fileStorage === 'database' ? 'folder' : 'database'));
  });
});
