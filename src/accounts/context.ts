import type { Clock } from '../clock';
import type { Db } from '../db/client';
import type { Actor } from '../auth/policy';

/** What every account use-case needs from the shell. */
export interface UseCaseContext {
  db: Db;
  clock: Clock;
}

export interface ActorContext extends UseCaseContext {
  actor: Actor;
}
