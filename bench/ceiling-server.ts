/**
 * The ceilings the portal is measured against, on the same machine in the same run: a bare
 * Express route, and Express plus one write transaction through the same Prisma client and
 * database kind as the portal (an audit row, as every portal write also records one).
 */
import express from 'express';
import { createServer } from 'node:http';
import { openDatabase } from '../src/db/client';
import { migrate } from '../src/db/migrate';

async function main() {
  const url = process.env.DATABASE_URL!;
  await migrate(url);
  const database = await openDatabase(url);
  const db = database.client;
  const app = express();
  app.use(express.json());
  app.get('/bare', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let n = 0;
  app.post('/write', async (req, res) => {
    const row = await db.$transaction((tx) =>
      tx.auditEvent.create({ data: { subjectType: 'bench', subjectId: String(n++), action: 'WRITE', payload: JSON.stringify(req.body ?? {}) } }),
    );
    res.json({ id: row.id });
  });
  const server = createServer(app);
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
