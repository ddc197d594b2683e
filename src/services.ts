import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { SignInThrottle } from './auth/throttle';
import type { PassportInstance } from './auth/passport';
import type { FileStorage } from './documents/storage';
import type { CaseKind } from './cases/case-kind';
import type { Worker } from './jobs/worker';
import type { Mailer } from './jobs/mailer';
import type { NoticeRenderer } from './notices/render-pool';

/** What routers get from createApp: the shell's resources, created once per app. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  logger: Logger;
  passport: PassportInstance;
  throttle: SignInThrottle;
  storage: FileStorage;
  kinds: { application: CaseKind; statement: CaseKind };
  jobs: Worker;
  mailer: Mailer;
  renderer: NoticeRenderer;
}
