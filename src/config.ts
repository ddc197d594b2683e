import { resolve } from 'node:path';
import { z } from 'zod';
import { fileStorageKinds, type FileStorageKind } from './documents/storage';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** Points where a test may stop the outbox to kill the process there (see jobs/test-halt.ts). */
export const outboxHaltPoints = ['after-commit', 'after-claim', 'after-render'] as const;
export type OutboxHaltPoint = (typeof outboxHaltPoints)[number];

const DEVELOPMENT_SECRET = 'development-only-secret-change-me-in-production';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
      .default('file:./data/portal.db'),
    UPLOAD_DIR: z.string().min(1).default('uploads'),
    FILE_STORAGE: z.enum(fileStorageKinds).optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DEMO_DATA: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BASE_URL: z.url().optional(),
    TRUST_PROXY: booleanFlag.default(false),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).default('Förderportal Soziales <noreply@foerderportal.invalid>'),
    NOTICE_RENDER_THREADS: z.coerce.number().int().min(1).max(64).default(1),
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(300),
    TEST_OUTBOX_HALT: z.enum(outboxHaltPoints).optional(),
    REQUIRED_ATTACHMENTS: z
      .string()
      .default('cost_plan,statutes,tax_exemption')
      .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['statutes', 'tax_exemption', 'cost_plan', 'concept', 'other']))),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
  });

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  uploadDir: string;
  /** Where uploaded files live: the folder on SQLite, the database on PostgreSQL, unless set. */
  fileStorage: FileStorageKind;
  sessionSecret: string;
  demoData: boolean;
  logLevel: string;
  baseUrl: string;
  trustProxy: boolean;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Attachment kinds an FRL application needs before it can be submitted. */
  requiredAttachments: string[];
  /** Worker threads that render notices. */
  noticeRenderThreads: number;
  /** A claimed outbox job not finished after this long is taken over (its worker died). */
  outboxLeaseSeconds: number;
  /** Test only: where the outbox stops so a test can kill the process there. */
  outboxHalt: OutboxHaltPoint | undefined;
}

export class ConfigError extends Error {}

export function providerOf(databaseUrl: string): DatabaseProvider {
  return databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql';
}

/** Parses the environment once at boot; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseProvider: providerOf(e.DATABASE_URL),
    uploadDir: resolve(e.UPLOAD_DIR),
    // Several instances share a PostgreSQL database, so the files go where all of them reach.
    fileStorage: e.FILE_STORAGE ?? (providerOf(e.DATABASE_URL) === 'postgresql' ? 'database' : 'folder'),
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    trustProxy: e.TRUST_PROXY,
    secureCookies: e.NODE_ENV === 'production',
    requiredAttachments: e.REQUIRED_ATTACHMENTS,
    noticeRenderThreads: e.NOTICE_RENDER_THREADS,
    outboxLeaseSeconds: e.OUTBOX_LEASE_SECONDS,
    // Never honoured outside tests: a stray variable in production must not stop notices.
    outboxHalt: e.NODE_ENV === 'test' ? e.TEST_OUTBOX_HALT : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
  };
}
