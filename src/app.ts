import { join } from 'node:path';
import express, { type Express } from 'express';
import session from 'express-session';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import { createPassport } from './auth/passport';
import { createSignInThrottle, defaultThrottleLimits, type ThrottleLimits } from './auth/throttle';
import { DatabaseSessionStore } from './auth/session-store';
import { createCsrf } from './auth/csrf';
import { authApiRouter, authPaths, bearerAuth } from './auth/api-router';
import { authPagesRouter } from './auth/pages-router';
import { accountPaths, accountsApiRouter } from './accounts/api-router';
import { accountPagesRouter } from './accounts/pages-router';
import { noStore, securityHeaders } from './http/security-headers';
import { refuseNulBytes } from './http/nul-bytes';
import { requireSameOrigin } from './auth/same-origin';
import { requestLogger } from './http/logger';
import { configureViews } from './http/views';
import { viewLocals } from './http/view-locals';
import { takeFlash } from './http/flash';
import { errorHandler, notFound } from './http/error-handler';
import { operationsRouter } from './http/operations-router';
import { homeRouter } from './http/home-router';
import type { Services } from './services';
import { createMailer, type Mailer } from './jobs/mailer';
import { createWorker } from './jobs/worker';
import { createRenderPool } from './notices/render-pool';
import type { EmailJob, NoticeJob } from './jobs/outbox';
import { sendCaseEmail } from './jobs/send-case-email';
import { issueNotice } from './notices/issue-notice';
import { noticePaths, noticesRouter } from './notices/api-router';
import { verifyPaths, verifyRouter } from './notices/verify-router';
import { authorityPagesRouter } from './notices/authority-pages-router';
import { applicationKind } from './cases/applications/kind';
import { applicationApiSpec } from './cases/applications/api-spec';
import { statementKind } from './cases/statements/kind';
import { statementApiSpec } from './cases/statements/api-spec';
import { caseApiPaths, caseApiRouter } from './cases/case-api-router';
import { createFileStorage } from './documents/storage';
import { applicationPagesRouter } from './cases/applications/pages-router';
import { statementPagesRouter } from './cases/statements/pages-router';
import { projectRoot } from './paths';
import { planningApiRouter, planningPaths } from './planning/api-router';
import { planningPagesRouter } from './planning/pages-router';
import { reportPaths, reportsApiRouter } from './reports/api-router';
import { reportPagesRouter } from './reports/pages-router';

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  clock?: Clock;
  throttleLimits?: ThrottleLimits;
  mailer?: Mailer;
}

export const SESSION_COOKIE = 'fps.sid';
const SESSION_HOURS = 8;
const ROOT = projectRoot;

/** Builds the whole HTTP application; it never listens, so tests drive it with supertest. */
export function createApp(deps: AppDeps): Express & { services: Services } {
  const { config, database, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const db = database.client;
  const throttle = createSignInThrottle(db, deps.throttleLimits ?? defaultThrottleLimits);
  const passport = createPassport({ db, clock, throttle });
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
  const renderer = createRenderPool({ threads: config.noticeRenderThreads });
  const jobs = createWorker({
    db,
    clock,
    logger,
    leaseMs: config.outboxLeaseSeconds * 1000,
    halt: config.outboxHalt,
    handlers: {
      notice: (payload, job) => issueNotice({ db, clock, renderer, job: payload as NoticeJob, jobId: job.id, baseUrl: config.baseUrl, halt: config.outboxHalt }),
      email: (payload) => sendCaseEmail({ db, mailer, baseUrl: config.baseUrl, job: payload as EmailJob }),
    },
  });
  const kinds = { application: applicationKind({ requiredAttachments: config.requiredAttachments }), statement: statementKind() };
  const storage = createFileStorage({ kind: config.fileStorage, db, uploadDir: config.uploadDir });
  const services: Services = { config, database, db, clock, logger, passport, throttle, storage, kinds, jobs, mailer, renderer };
  const applicationSpec = applicationApiSpec(kinds.application);
  const statementSpec = statementApiSpec(kinds.statement);
  const csrf = createCsrf(SESSION_COOKIE);

  const app = express() as Express & { services: Services };
  app.services = services;
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  configureViews(app, { cache: config.env === 'production' });

  app.use(requestLogger(logger));
  app.use(securityHeaders({ production: config.env === 'production' }));
  const staticOptions = { index: false, maxAge: config.env === 'production' ? '1d' : 0 };
  app.use('/assets/kern', express.static(join(ROOT, 'node_modules', '@kern-ux', 'native', 'dist'), staticOptions));
  app.use('/assets', express.static(join(ROOT, 'public'), staticOptions));
  app.use(noStore);
  app.use(operationsRouter(services, [authPaths, accountPaths, caseApiPaths(applicationSpec), caseApiPaths(statementSpec), planningPaths, noticePaths, verifyPaths, reportPaths]));

  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(refuseNulBytes);
  app.use('/api', bearerAuth(services));

  const sessions = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new DatabaseSessionStore(db),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: SESSION_HOURS * 3600 * 1000 },
  });
  app.use((req, res, next) => (req.apiTokenId ? next() : sessions(req, res, next)));
  const passportSession = passport.session();
  app.use(passport.initialize());
  app.use((req, res, next) => (req.apiTokenId ? next() : passportSession(req, res, next)));
  app.use(requireSameOrigin(config.baseUrl));
  app.use(csrf.csrfSynchronisedProtection);
  app.use(takeFlash);
  app.use(viewLocals((req) => csrf.generateToken(req)));

  app.use('/api/v1', authApiRouter(services));
  app.use('/api/v1', accountsApiRouter(services));
  app.use('/api/v1', caseApiRouter(services, applicationSpec));
  app.use('/api/v1', caseApiRouter(services, statementSpec));
  app.use('/api/v1', planningApiRouter(services));
  app.use('/api/v1', reportsApiRouter(services));
  app.use(noticesRouter(services));
  app.use(verifyRouter(services));
  app.use(authorityPagesRouter(services));
  app.use(homeRouter(services));
  app.use(authPagesRouter(services));
  app.use(accountPagesRouter(services));
  app.use(applicationPagesRouter(services));
  app.use(statementPagesRouter(services));
  app.use(planningPagesRouter(services));
  app.use(reportPagesRouter(services));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
