import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { SignInThrottle } from './auth/throttle';
import type { PassportInstance } from './auth/passport';

/** What routers get from createApp: the shell's resources, created once per app. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  logger: Logger;
  passport: PassportInstance;
  throttle: SignInThrottle;
}
