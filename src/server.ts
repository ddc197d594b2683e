// First, so that its settings apply to everything loaded after it.
import './memory-settings';
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { withStartupLock } from './db/startup-lock';
import { seedDemoData, demoAccounts, DEMO_PASSWORD } from './db/demo-data';
import { createLogger } from './http/logger';
import { createApp } from './app';
import { DatabaseSessionStore } from './auth/session-store';
import { seedReferenceData } from './cases/reference-data';
import { seedAuthorityProfile } from './notices/authority';
import { seedDemoCases } from './db/demo-cases';
import { countMisplacedFiles } from './documents/misplaced-files';
import { OPTIMIZE_EVERY_MS, optimizeQueryPlans } from './db/optimize';

const SHUTDOWN_GRACE_MS = 10_000;
const SESSION_PRUNE_MS = 15 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.databaseUrl);
  const { app, seeded } = await withStartupLock(config.databaseUrl, async () => {
    const applied = await migrate(config.databaseUrl);
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    await seedReferenceData(database.client);
    await seedAuthorityProfile(database.client);
    const demo = config.demoData && (await seedDemoData(database.client));
    const created = createApp({ config, database, logger });
    if (demo) await seedDemoCases(created.services);
    return { app: created, seeded: demo };
  });
  const misplaced = await countMisplacedFiles(database.client, config.fileStorage);
  if (misplaced > 0) {
    const other = config.fileStorage === 'database' ? 'folder' : 'database';
    logger.warn({ misplaced, fileStorage: config.fileStorage }, `${misplaced} uploaded files are not in the ${config.fileStorage} storage: run npm run admin -- migrate-files --to ${config.fileStorage} (or set FILE_STORAGE=${other})`);
  }
  app.services.jobs.start();
  const server = createServer(app);
  const prune = setInterval(() => {
    new DatabaseSessionStore(database.client).prune().catch((err: unknown) => logger.warn({ err }, 'session prune failed'));
  }, SESSION_PRUNE_MS);
  prune.unref();
  const refreshStatistics = () => {
    optimizeQueryPlans(database).catch((err: unknown) => logger.warn({ err }, 'refreshing the query planner statistics failed'));
  };
  // Not awaited: PostgreSQL's ANALYZE of a million cases took seconds, during which the server
  // was not yet listening; it blocks neither reads nor writes, and the plans follow once it is done.
  refreshStatistics();
  const optimize = setInterval(refreshStatistics, OPTIMIZE_EVERY_MS);
  optimize.unref();

  server.listen(config.port, config.host, () => {
    const url = `http://localhost:${config.port}`;
    logger.info({ url, database: database.provider }, 'Förderportal Soziales is listening');
    if (config.demoData) {
      const lines = demoAccounts.map((a) => `    ${a.email.padEnd(38)} ${a.role}`);
      process.stdout.write(
        `\n  Förderportal Soziales läuft: ${url}\n` +
          (seeded ? '  Demodaten angelegt.\n' : '') +
          `  Demo-Anmeldungen (Passwort für alle: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n\n`,
      );
    }
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    clearInterval(prune);
    clearInterval(optimize);
    const jobsStopped = app.services.jobs.stop();
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      jobsStopped
        .then(() => app.services.renderer.close())
        .then(() => database.close())
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
