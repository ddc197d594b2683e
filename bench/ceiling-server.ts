/**
 * The ceilings the portal is measured against, on the same machine in the same run: a bare
 * Express route, and Express plus one write transaction through the same Prisma client and
 * database kind as the portal (an audit row, as every portal write also records one).
 *
 * And the floors of the two requests with targets, started on the portal's own database: only
 * the database work each must do, through the same Prisma client and the portal's own query
 * functions, behind nothing but Express's JSON parser. No passport, session middleware, helmet,
 * logging, validation, workflow machine, policy, presenter or template. A portal request costs at
 * least its floor; a target the floor misses cannot be met by changing the portal's own code.
 */
import express, { type Request, type Response } from 'express';
import { createServer } from 'node:http';
import { openDatabase } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { recordAudit } from '../src/db/audit';
import { hashSecretToken } from '../src/accounts/secret-tokens';
import { tokenByHash, userById } from '../src/auth/user-lookup';
import { readSession } from '../src/auth/session-store';
import { configureViews } from '../src/http/views';
import { viewLocals } from '../src/http/view-locals';
import { todayInBerlin } from '../src/clock';
import { actorOf, toCurrentUser } from '../src/auth/current-user';
import { applicationKind } from '../src/cases/applications/kind';
import { applicationPageModel } from '../src/cases/applications/page-model';
import { loadVisibleCase } from '../src/cases/engine/load-case';
import { countKeyOf, moveCaseCount } from '../src/cases/case-counts';
import { swapCase } from '../src/cases/engine/swap-case';

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

  // One read through the same client: what each of a page's statements costs at least.
  const readable = await db.auditEvent.create({ data: { subjectType: 'bench', subjectId: 'read', action: 'READ' } });
  app.get('/read', async (_req, res) => {
    const row = await db.auditEvent.findUnique({ where: { id: readable.id } });
    res.json({ id: row?.id });
  });

  // A missing credential is the load generator's mistake: say so instead of failing with a 500.
  const required = (req: Request, res: Response, header: string): string | undefined => {
    const value = req.get(header);
    if (!value) res.status(401).json({ error: `${header} missing` });
    return value;
  };
  /** The signed-in coordinator of a session id, as the portal finds it: the session, then its user. */
  const sessionActor = async (sid: string) => {
    const session = await readSession(db, sid);
    const user = session && (await userById(db, (JSON.parse(session.data) as { passport: { user: string } }).passport.user));
    return user ? toCurrentUser(user) : undefined;
  };

  // A coordinator's START_REVIEW: who the token is, the case, then the swap, the counts and the audit row in one transaction.
  app.post('/floor/transition/:id', async (req, res) => {
    const authorization = required(req, res, 'authorization');
    if (!authorization) return;
    const token = await tokenByHash(db, hashSecretToken(authorization.replace(/^Bearer /, '')));
    if (!token) return void res.status(401).json({ error: 'unknown token' });
    const actor = actorOf(toCurrentUser(token.user));
    const row = await loadVisibleCase(db, actor, 'application', req.params.id);
    const now = new Date();
    const updated = await db.$transaction(async (tx) => {
      const swapped = await swapCase(tx, row, { state: 'in_review', context: row.context, machineVersion: row.machineVersion, reviewerId: actor.id });
      if (!swapped) throw new Error('changed meanwhile');
      await moveCaseCount(tx, countKeyOf(row), countKeyOf(swapped));
      await recordAudit(tx, { actorId: actor.id, subjectType: 'case', subjectId: row.id, action: 'START_REVIEW', fromState: row.state, toState: 'in_review', payload: {} }, now);
      return swapped;
    });
    res.json({ id: updated.id, state: updated.state, version: updated.version });
  });

  // The case page's data as the page loads it: the session, its user, the case and its page model, without rendering.
  const kind = applicationKind({ requiredAttachments: [] });
  app.get('/floor/page/:id', async (req, res) => {
    const sid = required(req, res, 'x-session-id');
    if (!sid) return;
    const user = await sessionActor(sid);
    if (!user) return void res.status(401).json({ error: 'unknown session' });
    const actor = actorOf(user);
    const row = await loadVisibleCase(db, actor, 'application', req.params.id);
    const model = await applicationPageModel(db, kind, actor, row, []);
    res.json({ id: model.row.id, history: model.history.length });
  });

  // The case page's template alone: its data loaded once, then the page rendered on every request
  // with the layout's locals as the portal sets them. What the page costs above bare Express
  // even if its data cost nothing.
  configureViews(app, { cache: true });
  const layoutLocals = viewLocals(() => 'csrf-token-of-the-floor');
  const models = new Map<string, Record<string, unknown>>();
  app.get('/floor/render/:id', async (req, res, next) => {
    const sid = required(req, res, 'x-session-id');
    if (!sid) return;
    const user = await sessionActor(sid);
    if (!user) return void res.status(401).json({ error: 'unknown session' });
    let model = models.get(req.params.id);
    if (!model) {
      const actor = actorOf(user);
      const row = await loadVisibleCase(db, actor, 'application', req.params.id);
      model = { ...(await applicationPageModel(db, kind, actor, row, [])), today: todayInBerlin(new Date()), values: {} };
      models.set(req.params.id, model);
    }
    req.user = user;
    layoutLocals(req, res, () => res.render('pages/applications/show', model, (error, html) => (error ? next(error) : res.send(html))));
  });

  const server = createServer(app);
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
