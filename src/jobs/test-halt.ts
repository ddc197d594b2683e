import type { OutboxHaltPoint } from '../config';

/**
 * A test-only stop in the outbox (TEST_OUTBOX_HALT, honoured only when NODE_ENV=test): at the
 * named point the worker announces itself on stderr and never continues, so a reliability test
 * can SIGKILL the real server process exactly there and check that a restart issues one notice.
 */
export async function haltAt(configured: OutboxHaltPoint | undefined, point: OutboxHaltPoint): Promise<void> {
  if (configured !== point) return;
  process.stderr.write(`TEST_OUTBOX_HALT reached ${point}\n`);
  await new Promise<never>(() => undefined);
}
