import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import type { OutboxHaltPoint } from '../config';
import { haltAt } from './test-halt';

export type JobHandler = (payload: unknown, job: { id: string; attempts: number }) => Promise<void>;

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  /** A claimed job whose worker has not finished after this long is taken over (crashed worker). */
  leaseMs?: number;
  maxAttempts?: number;
  pollMs?: number;
  /** Test only: stop at this point so the process can be killed there (jobs/test-halt.ts). */
  halt?: OutboxHaltPoint;
}

export interface Worker {
  /** Runs every job that is due now; returns how many ran. Tests and `poke` use it. */
  drain(): Promise<number>;
  poke(): void;
  start(): void;
  stop(): Promise<void>;
}

const backoffMs = (attempts: number) => Math.min(60 * 60_000, 5_000 * 2 ** (attempts - 1));

/**
 * Runs the outbox. A job is claimed with a conditional update (status and claim time as read):
 * one UPDATE … WHERE id = ? AND status = ? AND claimedAt = ?, which PostgreSQL re-checks on the
 * row after a concurrent update committed, so any number of workers in any number of processes
 * can run and each claim succeeds once. The lease is judged by the claiming instance's clock
 * against the claim time another instance wrote: keep the instances' clocks in sync (NTP).
 * Handlers must be idempotent: a job whose worker died after the work but before marking it
 * done runs again (the notice handler relies on a unique job id for that).
 */
export function createWorker(options: WorkerOptions): Worker {
  const { db, clock, logger, handlers } = options;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const pollMs = options.pollMs ?? 2_000;
  const workerId = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;

  async function claimNext() {
    const now = clock.now();
    const candidates = await db.outboxJob.findMany({
      where: {
        OR: [
          { status: 'pending', runAfter: { lte: now } },
          { status: 'running', claimedAt: { lte: new Date(now.getTime() - leaseMs) } },
        ],
      },
      orderBy: { runAfter: 'asc' },
      take: 10,
    });
    for (const job of candidates) {
      const { count } = await db.outboxJob.updateMany({
        where: { id: job.id, status: job.status, claimedAt: job.claimedAt },
        data: { status: 'running', claimedAt: now, claimedBy: workerId, attempts: { increment: 1 } },
      });
      if (count === 1) return { ...job, attempts: job.attempts + 1, claimedAt: now };
    }
    return null;
  }

  /**
   * Records the outcome only while this worker still holds its claim. A worker slower than the
   * lease has been taken over: the outcome is the new holder's to record, and a late "failed,
   * retry later" here must not reopen a job the other worker finished.
   */
  async function settle(job: { id: string; claimedAt: Date }, data: Parameters<Db['outboxJob']['updateMany']>[0]['data']) {
    const { count } = await db.outboxJob.updateMany({ where: { id: job.id, status: 'running', claimedBy: workerId, claimedAt: job.claimedAt }, data });
    if (count === 0) logger.warn({ jobId: job.id }, 'outbox job was taken over by another worker before it finished');
  }

  async function runOne(): Promise<boolean> {
    if (options.halt === 'after-commit' && (await db.outboxJob.count({ where: { status: 'pending', runAfter: { lte: clock.now() } } })) > 0) {
      await haltAt(options.halt, 'after-commit');
    }
    const job = await claimNext();
    if (!job) return false;
    if (job.kind === 'notice') await haltAt(options.halt, 'after-claim');
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload) as unknown, { id: job.id, attempts: job.attempts });
      await settle(job, { status: 'done', finishedAt: clock.now(), lastError: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = job.attempts >= maxAttempts;
      logger.error({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, failed }, 'outbox job failed');
      await settle(job, {
        status: failed ? 'failed' : 'pending',
        runAfter: new Date(clock.now().getTime() + backoffMs(job.attempts)),
        lastError: message.slice(0, 2000),
      });
    }
    return true;
  }

  async function drainLoop(): Promise<number> {
    let count = 0;
    do {
      again = false;
      while (await runOne()) count += 1;
    } while (again);
    return count;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = drainLoop().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      drain()
        .catch((err: unknown) => logger.error({ err }, 'outbox poll failed'))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    drain,
    poke: () => {
      if (stopped) return;
      drain().catch((err: unknown) => logger.error({ err }, 'outbox run failed'));
    },
    start: () => {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
