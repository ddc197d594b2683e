import request from 'supertest';
import { bearerToken, createTestApp, signInCookie, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import { buildApplicationAwaitingDecision, buildApplicationInReview, buildDraftApplication, buildSubmittedApplication, sendEvent } from '../../support/cases';
import { buildSubmittedStatementRequest, sendStatementEvent } from '../../support/statements';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Client } from 'pg';
import { recountCases } from '../../../src/cases/case-counts';
import { inboxGroups } from '../../../src/cases/inbox';
import { listCases } from '../../../src/cases/list-cases';
import { openDatabase, sqliteFilePath, type Tx } from '../../../src/db/client';
import { migrationsFolder } from '../../../src/db/migrate';

describe('totals of lists and inboxes come from counts kept with every change', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let coordinatorId: string;
  let head: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAuthorityProfile(t.db);
    const org = await buildApprovedOrganisation(t.db);
    applicant = await bearerToken(t.app, (await buildUser(t.db, 'applicant', { organisationId: org.id })).email, PASSWORD);
    const coordinatorUser = await buildUser(t.db, 'coordinator');
    coordinatorId = coordinatorUser.id;
    coordinator = await bearerToken(t.app, coordinatorUser.email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const counts = async () =>
    (await t.db.caseCount.findMany({ where: { count: { not: 0 } }, orderBy: [{ kind: 'asc' }, { state: 'asc' }, { submitted: 'asc' }, { reviewerId: 'asc' }] })).map(
      ({ kind, state, submitted, reviewerId, count }) => ({ kind, state, submitted, reviewerId, count }),
    );
  const list = async (query: string) =>
    (await request(t.app).get(`/api/v1/applications${query}`).set('Authorization', `Bearer ${coordinator}`)).body as { total: number; items: unknown[] };

  it('when cases are created, submitted, decided and withdrawn, then the counts equal the rows and list totals match them', async () => {
    await buildDraftApplication(t, applicant);
    const withdrawnDraft = await buildDraftApplication(t, applicant);
    expect((await sendEvent(t, applicant, withdrawnDraft.id, { type: 'WITHDRAW' })).status).toBe(200);
    await buildSubmittedApplication(t, applicant);
    const withdrawnLater = await buildSubmittedApplication(t, applicant);
    expect((await sendEvent(t, applicant, withdrawnLater.id, { type: 'WITHDRAW' })).status).toBe(200);
    const decided = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, head, decided.id, { type: 'APPROVE', amount: '10500.00', rationale: 'Förderfähig.' })).status).toBe(200);
    await buildApplicationAwaitingDecision(t, applicant, coordinator);

    const kept = await counts();
    await t.db.$transaction((tx) => recountCases(tx));
    expect(await counts()).toEqual(kept);
    expect(kept).toEqual([
      { kind: 'application', state: 'approved', submitted: true, reviewerId: coordinatorId, count: 1 },
      { kind: 'application', state: 'awaiting_decision', submitted: true, reviewerId: coordinatorId, count: 1 },
      { kind: 'application', state: 'draft', submitted: false, reviewerId: '', count: 1 },
      { kind: 'application', state: 'submitted', submitted: true, reviewerId: '', count: 1 },
      { kind: 'application', state: 'withdrawn', submitted: false, reviewerId: '', count: 1 },
      { kind: 'application', state: 'withdrawn', submitted: true, reviewerId: '', count: 1 },
    ]);

    // Staff see submitted cases only: drafts and the draft withdrawn before submission are not theirs.
    expect((await list('')).total).toBe(4);
    expect((await list('?state=withdrawn')).total).toBe(1);
    expect((await list('?state=approved,awaiting_decision')).total).toBe(2);
    expect((await list('?q=Nachbarschaft')).total).toBe(4);
  });

  it('when a coordinator opens the inbox, then each group shows the number of its cases', async () => {
    const cookie = await signInCookie(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    const page = await request(t.app).get('/antraege?gruppe=entschieden').set('Cookie', cookie);
    expect(page.status).toBe(200);
    const text = page.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Entschieden\D{0,80}1\b/);
    expect(text).toMatch(/Zur Entscheidung\D{0,80}1\b/);
  });

  it("when coordinators review cases, then each one's own group counts only their applications in review", async () => {
    const mine = await buildUser(t.db, 'coordinator');
    const myToken = await bearerToken(t.app, mine.email, PASSWORD);
    const myCookie = await signInCookie(t.app, mine.email, PASSWORD);
    await buildApplicationInReview(t, applicant, myToken);
    await buildApplicationInReview(t, applicant, myToken);
    // Mine but past review, another coordinator's review, and a statement I review: none count.
    await buildApplicationAwaitingDecision(t, applicant, myToken);
    await buildApplicationInReview(t, applicant, coordinator);
    const statement = await buildSubmittedStatementRequest(t, applicant);
    expect((await sendStatementEvent(t, myToken, statement.id, { type: 'START_REVIEW' })).status).toBe(200);

    const text = (await request(t.app).get('/antraege').set('Cookie', myCookie)).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Von mir in Prüfung\D{0,80}\b2\b/);
    expect(text).toMatch(/Alle in Prüfung\D{0,80}\b3\b/);

    // The group's own list takes its total from the same kept counts, and it agrees with its rows.
    const actor = { id: mine.id, role: 'coordinator' as const, organisationId: null };
    const group = inboxGroups(actor).find((g) => g.key === 'meine')!;
    const page = await listCases({ db: t.db, provider: t.testDb.database.provider, actor, kind: 'application', query: { page: 1, pageSize: 20 }, extraWhere: group.where });
    expect({ total: page.total, rows: page.items.length }).toEqual({ total: 2, rows: 2 });
    const kept = await counts();
    await t.db.$transaction((tx) => recountCases(tx));
    expect(await counts()).toEqual(kept);
    expect(kept.filter((c) => c.reviewerId === mine.id)).toEqual([
      { kind: 'application', state: 'awaiting_decision', submitted: true, reviewerId: mine.id, count: 1 },
      { kind: 'application', state: 'in_review', submitted: true, reviewerId: mine.id, count: 2 },
      { kind: 'statement', state: 'in_review', submitted: true, reviewerId: mine.id, count: 1 },
    ]);
  });

  it('when the migration that split the counts by reviewer runs on existing cases, then it finds the counts the code keeps', async () => {
    const kept = await counts();
    const migration = readFileSync(join(migrationsFolder(t.testDb.database.provider), '20261206075758_case_counts_by_reviewer', 'migration.sql'), 'utf8');
    if (t.testDb.database.provider === 'sqlite') {
      // SQLite's part rebuilds the table from the cases; it runs as well on a database that has it.
      const file = new Sqlite(sqliteFilePath(t.testDb.url));
      try {
        file.exec(migration);
      } finally {
        file.close();
      }
    } else {
      // PostgreSQL's part after the key change recounts into the table the key change left.
      const client = new Client({ connectionString: t.testDb.url });
      await client.connect();
      try {
        await client.query(migration.slice(migration.indexOf('-- The counts split by reviewer')));
      } finally {
        await client.end();
      }
    }
    expect(await counts()).toEqual(kept);
    expect(kept.length).toBeGreaterThan(5);
  });

  it('when another connection commits while the counts are rebuilt, then the rebuild still succeeds', async () => {
    const other = await openDatabase(t.testDb.url);
    // Another writer (the outbox, a transition) commits right before the rebuild's first write.
    const anotherCommits = async () => {
      await other.client.session.create({ data: { sid: 'meanwhile', data: '{}', expiresAt: new Date() } });
      await other.client.session.delete({ where: { sid: 'meanwhile' } });
    };
    const interleaved = (tx: Tx) =>
      new Proxy(tx, {
        get: (target, prop) =>
          prop !== 'caseCount'
            ? Reflect.get(target, prop)
            : new Proxy(target.caseCount, {
                get: (model, method) =>
                  method === 'deleteMany' ? async (args: object) => (await anotherCommits(), model.deleteMany(args)) : Reflect.get(model, method),
              }),
      });
    try {
      const kept = await counts();
      await t.db.$transaction((tx) => recountCases(interleaved(tx)));
      expect(await counts()).toEqual(kept);
    } finally {
      await other.close();
    }
  });
});
