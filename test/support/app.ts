import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { seedReferenceData } from '../../src/cases/reference-data';
import request from 'supertest';
import { createApp, type AppDeps } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Clock } from '../../src/clock';
import { createTestDatabase, type TestDatabase } from './database';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-22T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  testDb: TestDatabase;
  db: TestDatabase['database']['client'];
  clock: TestClock;
  uploadDir: string;
  close(): Promise<void>;
}

export async function createTestApp(options: Partial<Pick<AppDeps, 'throttleLimits' | 'mailer'>> & { env?: Record<string, string> } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock = new TestClock();
  const uploadDir = mkdtempSync(join(tmpdir(), 'fps-uploads-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDb.url, LOG_LEVEL: 'silent', UPLOAD_DIR: uploadDir, ...options.env });
  await seedReferenceData(testDb.database.client);
  const app = createApp({ config, database: testDb.database, logger: pino({ level: 'silent' }), clock, throttleLimits: options.throttleLimits, mailer: options.mailer });
  return {
    app,
    testDb,
    db: testDb.database.client,
    clock,
    uploadDir,
    close: async () => {
      await app.services.jobs.stop();
      await app.services.renderer.close();
      await testDb.drop();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token of the page at `path`, as a browser would read it from the form. */
export async function csrfTokenFrom(agent: Agent, path = '/anmelden'): Promise<string> {
  return csrfOf((await agent.get(path)).text);
}

/** Signs in through the sign-in form and returns the cookie-carrying agent. */
export async function signInAgent(app: TestApp['app'], email: string, password: string): Promise<Agent> {
  const agent = request.agent(app);
  const _csrf = await csrfTokenFrom(agent);
  const res = await agent.post('/anmelden').type('form').send({ email, password, _csrf, next: '/' });
  if (res.status !== 303) throw new Error(`Sign-in of ${email} failed with ${res.status}`);
  return agent;
}

/** `app` is an in-process app or the URL of a running server. */
export async function bearerToken(app: Parameters<typeof request>[0], email: string, password: string): Promise<string> {
  const res = await request(app).post('/api/v1/auth/tokens').send({ email, password });
  if (res.status !== 201) throw new Error(`Token for ${email} failed with ${res.status}: ${res.text}`);
  return (res.body as { token: string }).token;
}

/** Signs in through the form without an agent and returns the session cookie ("name=value"). */
export async function signInCookie(app: Parameters<typeof request>[0], email: string, password: string): Promise<string> {
  const page = await request(app).get('/anmelden');
  const first = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  const _csrf = csrfOf(page.text);
  const res = await request(app).post('/anmelden').set('Cookie', first).type('form').send({ email, password, _csrf });
  if (res.status !== 303) throw new Error(`Sign-in of ${email} failed with ${res.status}`);
  return ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
}

/** The CSRF token in a page's HTML. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('No CSRF token in the page');
  return match[1];
}
