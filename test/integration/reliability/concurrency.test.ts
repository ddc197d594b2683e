import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildPendingOrganisation, buildUser, PASSWORD } from '../../support/factories';
import {
  PDF_BYTES,
  attachRequiredDocuments,
  buildApplicationAwaitingDecision,
  buildApplicationInReview,
  buildDraftApplication,
  buildSubmittedApplication,
  sendEvent,
} from '../../support/cases';
import { buildStatementAwaitingApproval, sendStatementEvent } from '../../support/statements';
import { MAX_FILES_PER_CASE } from '../../../src/documents/upload';
import { auditActions, count, expectOneWinner, race } from './race';
import { storedKeys } from '../../support/stored-files';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Two people act on the same thing at the same moment. Whatever the database interleaves,
 * exactly one wins, the others get a precise refusal (never a 500), and the record stays
 * consistent: one audit event, one version step, one notice.
 */
describe('concurrent changes to one case', () => {
  let t: TestApp;
  let applicant: string;
  let coordinator: string;
  let coordinator2: string;
  let head: string;
  let head2: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    const member = await buildUser(t.db, 'applicant');
    applicant = await bearerToken(t.app, member.email, PASSWORD);
    coordinator = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    coordinator2 = await bearerToken(t.app, (await buildUser(t.db, 'coordinator')).email, PASSWORD);
    head = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
    head2 = await bearerToken(t.app, (await buildUser(t.db, 'head')).email, PASSWORD);
    admin = await bearerToken(t.app, (await buildUser(t.db, 'admin')).email, PASSWORD);
  });
  afterAll(() => t.close());

  const versionOf = async (id: string) => (await t.db.case.findUniqueOrThrow({ where: { id } })).version;
  const noticesOf = async (id: string, kind: string) => {
    await t.app.services.jobs.drain();
    return t.db.notice.count({ where: { caseId: id, kind } });
  };

  it('when two heads decide the same application at once, then one decision stands with one notice', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const before = await versionOf(app.id);
    const responses = await race([
      () => sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00' }),
      () => sendEvent(t, head2, app.id, { type: 'REJECT', rationale: 'Doppelförderung.' }),
      () => sendEvent(t, head2, app.id, { type: 'APPROVE', amount: '10500.00' }),
    ]);
    const { won } = expectOneWinner(responses, 200);
    const state = (won.body as { state: string }).state;
    expect(await versionOf(app.id)).toBe(before + 1);
    const actions = await auditActions(t.db, app.id);
    expect(count(actions, 'APPROVE') + count(actions, 'REJECT')).toBe(1);
    const grants = await noticesOf(app.id, 'grant');
    const rejections = await noticesOf(app.id, 'rejection');
    expect({ grants, rejections }).toEqual(state === 'approved' ? { grants: 1, rejections: 0 } : { grants: 0, rejections: 1 });
  });

  it('when a head approves while the organisation withdraws, then exactly one of them happens', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    const before = await versionOf(app.id);
    const responses = await race([
      () => sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00' }),
      () => sendEvent(t, applicant, app.id, { type: 'WITHDRAW' }),
    ]);
    const { won } = expectOneWinner(responses, 200);
    const row = await t.db.case.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.state).toBe((won.body as { state: string }).state);
    expect(['approved', 'withdrawn']).toContain(row.state);
    expect(row.version).toBe(before + 1);
    const actions = await auditActions(t.db, app.id);
    expect(count(actions, 'APPROVE') + count(actions, 'WITHDRAW')).toBe(1);
    expect(await noticesOf(app.id, 'grant')).toBe(row.state === 'approved' ? 1 : 0);
  });

  it('when an organisation submits twice at once, then it is submitted once with one receipt', async () => {
    const draft = await buildDraftApplication(t, applicant);
    await attachRequiredDocuments(t, applicant, draft.id);
    const before = await versionOf(draft.id);
    const responses = await race([1, 2, 3].map(() => () => sendEvent(t, applicant, draft.id, { type: 'SUBMIT' })));
    expectOneWinner(responses, 200);
    expect(await versionOf(draft.id)).toBe(before + 1);
    expect(count(await auditActions(t.db, draft.id), 'SUBMIT')).toBe(1);
    expect(await noticesOf(draft.id, 'receipt')).toBe(1);
  });

  it('when more files are uploaded at once than the case has room for, then the limit holds exactly', async () => {
    const draft = await buildDraftApplication(t, applicant);
    const room = 3;
    for (let i = 0; i < MAX_FILES_PER_CASE - room; i += 1) {
      await t.db.attachment.create({
        data: { caseId: draft.id, kind: 'other', fileName: `f${i}.pdf`, mediaType: 'application/pdf', size: 1, sha256: 'x', storageKey: `seed-${draft.id}-${i}`, uploadedById: 'seed' },
      });
    }
    const upload = (i: number) => () =>
      request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'other').attach('file', PDF_BYTES, `parallel-${i}.pdf`);
    const filesStored = async () => (await storedKeys(t)).length;
    const filesBefore = await filesStored();
    const responses = await race(Array.from({ length: room + 4 }, (_, i) => upload(i)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(room).fill(201), ...Array(4).fill(413)].sort());
    expect(await t.db.attachment.count({ where: { caseId: draft.id } })).toBe(MAX_FILES_PER_CASE);
    expect(count(await auditActions(t.db, draft.id), 'ATTACH')).toBe(room);
    // No bytes of a refused upload are left behind (the seeded rows have no files).
    expect((await filesStored()) - filesBefore).toBe(room);
  });

  it('when many comments are written at once, then all are kept in one stable order', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    const bodies = Array.from({ length: 8 }, (_, i) => `Parallele Anmerkung ${i}`);
    const responses = await race(
      bodies.map((body, i) => () => request(t.app).post(`/api/v1/applications/${app.id}/comments`).set(auth(i % 2 ? coordinator : applicant)).send({ body })),
    );
    expect(responses.map((r) => r.status)).toEqual(bodies.map(() => 201));
    const first = await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(coordinator));
    const second = await request(t.app).get(`/api/v1/applications/${app.id}`).set(auth(coordinator));
    const listed = (first.body as { comments: { body: string }[] }).comments.map((c) => c.body);
    expect([...listed].sort()).toEqual([...bodies].sort());
    expect((second.body as { comments: { body: string }[] }).comments.map((c) => c.body)).toEqual(listed);
    const stored = await t.db.comment.findMany({ where: { caseId: app.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    expect(listed).toEqual(stored.map((c) => c.body));
    expect(count(await auditActions(t.db, app.id), 'COMMENT')).toBe(bodies.length);
  });

  it('when the reviewer recommends while also requesting changes, then only one is recorded', async () => {
    const app = await buildApplicationInReview(t, applicant, coordinator);
    const before = await versionOf(app.id);
    const responses = await race([
      () => sendEvent(t, coordinator, app.id, { type: 'RECOMMEND', recommendation: 'approve', amount: '10500.00', rationale: 'Gut.' }),
      () => sendEvent(t, coordinator, app.id, { type: 'REQUEST_CHANGES', message: 'Bitte den Finanzplan ergänzen.', dueDate: '2027-01-15' }),
    ]);
    const { won } = expectOneWinner(responses, 200);
    expect(['awaiting_decision', 'changes_requested']).toContain((won.body as { state: string }).state);
    expect(await versionOf(app.id)).toBe(before + 1);
    const actions = await auditActions(t.db, app.id);
    expect(count(actions, 'RECOMMEND') + count(actions, 'REQUEST_CHANGES')).toBe(1);
    expect(await noticesOf(app.id, 'request_for_changes')).toBe((won.body as { state: string }).state === 'changes_requested' ? 1 : 0);
  });

  it('when two coordinators start the review at once, then one of them becomes the reviewer', async () => {
    const app = await buildSubmittedApplication(t, applicant);
    const responses = await race([
      () => sendEvent(t, coordinator, app.id, { type: 'START_REVIEW' }),
      () => sendEvent(t, coordinator2, app.id, { type: 'START_REVIEW' }),
    ]);
    expectOneWinner(responses, 200);
    const row = await t.db.case.findUniqueOrThrow({ where: { id: app.id } });
    const events = await t.db.auditEvent.findMany({ where: { subjectId: app.id, action: 'START_REVIEW' } });
    expect(events).toHaveLength(1);
    expect(row.reviewerId).toBe(events[0]!.actorId);
  });

  it('when a notice is corrected twice at once, then one correction is issued', async () => {
    const app = await buildApplicationAwaitingDecision(t, applicant, coordinator);
    expect((await sendEvent(t, head, app.id, { type: 'APPROVE', amount: '10500.00' })).status).toBe(200);
    await t.app.services.jobs.drain();
    const grant = await t.db.notice.findFirstOrThrow({ where: { caseId: app.id, kind: 'grant' } });
    const correct = (token: string, reason: string) => () =>
      request(t.app).post(`/api/v1/notices/${grant.id}/corrections`).set(auth(token)).send({ reason });
    const responses = await race([correct(head, 'Tippfehler im Namen.'), correct(head2, 'Falsches Datum.'), correct(head, 'Noch einmal.')]);
    expectOneWinner(responses, 202);
    await t.app.services.jobs.drain();
    expect(await t.db.notice.count({ where: { replacesId: grant.id } })).toBe(1);
    expect(count(await auditActions(t.db, app.id), 'CORRECT_NOTICE')).toBe(1);
  });

  it('when two staff approve the same organisation at once, then it is approved once', async () => {
    const organisation = await buildPendingOrganisation(t.db);
    const approve = (token: string) => () => request(t.app).post(`/api/v1/organisations/${organisation.id}/approve`).set(auth(token));
    const responses = await race([approve(coordinator), approve(coordinator2), approve(admin)]);
    expectOneWinner(responses, 200);
    expect(await t.db.auditEvent.count({ where: { subjectType: 'organisation', subjectId: organisation.id, action: 'approve' } })).toBe(1);
  });

  it('when two edits of a draft carry the same If-Match, then the first wins and the stale one is refused', async () => {
    const draft = await buildDraftApplication(t, applicant);
    const edit = (title: string) => () =>
      request(t.app).patch(`/api/v1/applications/${draft.id}`).set({ ...auth(applicant), 'If-Match': `"${draft.version}"` }).send({ title });
    const responses = await race([edit('Titel A'), edit('Titel B'), edit('Titel C')]);
    const { won } = expectOneWinner(responses, 200, [409, 412]);
    const row = await t.db.case.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.title).toBe((won.body as { title: string }).title);
    expect(row.version).toBe(draft.version + 1);
    expect(count(await auditActions(t.db, draft.id), 'UPDATE')).toBe(1);
  });

  it('when two heads issue the same statement at once, then one statement notice is issued', async () => {
    const st = await buildStatementAwaitingApproval(t, applicant, coordinator);
    const responses = await race([
      () => sendStatementEvent(t, head, st.id, { type: 'ISSUE' }),
      () => sendStatementEvent(t, head2, st.id, { type: 'ISSUE' }),
    ]);
    expectOneWinner(responses, 200);
    expect(count(await auditActions(t.db, st.id), 'ISSUE')).toBe(1);
    expect(await noticesOf(st.id, 'statement')).toBe(1);
  });

  it('when the organisation uploads while submitting, then the submitted case matches what was checked', async () => {
    const draft = await buildDraftApplication(t, applicant);
    await attachRequiredDocuments(t, applicant, draft.id);
    const responses = await race([
      () => sendEvent(t, applicant, draft.id, { type: 'SUBMIT' }),
      () => request(t.app).post(`/api/v1/applications/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'concept').attach('file', PDF_BYTES, 'konzept.pdf'),
    ]);
    const [submit, upload] = responses;
    const row = await t.db.case.findUniqueOrThrow({ where: { id: draft.id } });
    const actions = await auditActions(t.db, draft.id);
    if (submit!.status === 200) {
      expect(row.state).toBe('submitted');
      // The upload either landed before the submission or was refused: never after it.
      expect(actions.lastIndexOf('ATTACH')).toBeLessThan(actions.indexOf('SUBMIT'));
      expect(count(actions, 'SUBMIT')).toBe(1);
    } else {
      // The upload changed the case between the submission's check and its write: the
      // submission is refused whole and the provider submits again what it now has.
      expect(submit!.status).toBe(409);
      expect(upload!.status).toBe(201);
      expect(row.state).toBe('draft');
      expect(count(actions, 'SUBMIT')).toBe(0);
    }
  });
});
