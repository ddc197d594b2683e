import pino from 'pino';
import { openDatabase, type Database } from '../../../src/db/client';
import { createWorker, type JobHandler } from '../../../src/jobs/worker';
import { TestClock } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Workers of several instances, each on its own connection to one database, as several server
 * processes run them: the claim is the only thing between them.
 */
describe('outbox workers on one database', () => {
  let testDb: TestDatabase;
  const connections: Database[] = [];
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    for (let i = 0; i < 4; i += 1) connections.push(await openDatabase(testDb.url));
  });
  afterAll(async () => {
    for (const c of connections) await c.close();
    await testDb.drop();
  });

  const enqueue = (n: number, at: Date) =>
    testDb.database.client.outboxJob.createMany({ data: Array.from({ length: n }, (_, i) => ({ kind: 'count', payload: JSON.stringify({ i }), runAfter: at })) });

  it('when four workers drain 200 jobs at the same time, then each job runs exactly once', async () => {
    const clock = new TestClock();
    await enqueue(200, clock.now());
    const runs: { jobId: string; worker: number }[] = [];
    const workers = connections.map((c, worker) =>
      createWorker({ db: c.client, clock, logger, handlers: { count: async (_payload, job) => void runs.push({ jobId: job.id, worker }) } }),
    );
    await Promise.all(workers.map((w) => w.drain()));
    expect(runs).toHaveLength(200);
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(200);
    // They really competed: more than one of them got work.
    expect(new Set(runs.map((r) => r.worker)).size).toBeGreaterThan(1);
    const jobs = await testDb.database.client.outboxJob.findMany({ where: { kind: 'count' } });
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    await testDb.database.client.outboxJob.deleteMany({ where: { kind: 'count' } });
  });

  it('when a worker holds a job past its lease, then another takes it over, and the late worker can no longer record an outcome', async () => {
    const clock = new TestClock();
    await enqueue(1, clock.now());
    let releaseSlow: (error: Error) => void = () => undefined;
    const calls: string[] = [];
    const slowHandler: JobHandler = async () => {
      calls.push('slow');
      await new Promise<void>((_resolve, reject) => (releaseSlow = reject));
    };
    const slow = createWorker({ db: connections[0]!.client, clock, logger, leaseMs: 60_000, handlers: { count: slowHandler } });
    const rescuer = createWorker({ db: connections[1]!.client, clock, logger, leaseMs: 60_000, handlers: { count: async () => void calls.push('rescuer') } });
    const job = () => testDb.database.client.outboxJob.findFirstOrThrow({ where: { kind: 'count' } });

    const slowRun = slow.drain();
    for (let i = 0; i < 200 && calls.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    const claimed = await job();
    expect(claimed).toMatchObject({ status: 'running', attempts: 1 });

    expect(await rescuer.drain()).toBe(0);
    clock.advance(60_001);
    expect(await rescuer.drain()).toBe(1);
    const rescued = await job();
    expect(rescued).toMatchObject({ status: 'done', attempts: 2 });
    expect(rescued.claimedBy).not.toBe(claimed.claimedBy);

    // The slow worker fails at last: its "retry later" must not reopen the finished job.
    releaseSlow(new Error('too late'));
    await slowRun;
    expect(await job()).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(calls).toEqual(['slow', 'rescuer']);
  });
});
