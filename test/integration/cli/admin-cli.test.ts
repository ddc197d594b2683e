import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

describe('npm run admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = (args: string[]) =>
    run('npx', ['tsx', 'src/cli/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.testDb.url } });

  it('when create-user is called as in API.md, then the account exists and can get a token', async () => {
    const { stdout } = await admin(['create-user', '--email', 'Erste@Stadt.example', '--name', 'Erste Admin', '--role', 'admin', '--password', 'Ein-Langes-Passwort']);
    expect(stdout).toContain('Konto angelegt: erste@stadt.example (admin');
    const res = await request(t.app).post('/api/v1/auth/tokens').send({ email: 'erste@stadt.example', password: 'Ein-Langes-Passwort' });
    expect(res.status).toBe(201);
  });

  it('when an applicant is created with a new organisation name, then the organisation is created and approved', async () => {
    await admin(['create-user', '--email', 'traeger@cli.example', '--name', 'T', '--role', 'applicant', '--password', 'Ein-Langes-Passwort', '--organisation', 'CLI-Verein e.V.']);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: 'traeger@cli.example' }, include: { organisation: true } });
    expect(user.organisation).toMatchObject({ name: 'CLI-Verein e.V.', status: 'approved' });
  });

  it('when arguments are invalid, then it exits non-zero, names the argument and writes nothing', async () => {
    const before = await t.db.user.count();
    await expect(admin(['create-user', '--email', 'x@y.example', '--name', 'X', '--role', 'applicant', '--password', 'kurz'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--password: .*12 Zeichen[\s\S]*--organisation/),
    });
    expect(await t.db.user.count()).toBe(before);
  });
});
