import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, bearerToken, type TestApp } from '../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../support/factories';
import {
  buildDraftStatementRequest,
  buildStatementAwaitingApproval,
  buildSubmittedStatementRequest,
  completeStatementRequest,
  sendStatementEvent,
  statementDraft,
} from '../../support/statements';

describe('a statement on a third-party funding application, through the API', () => {
  let t: TestApp;
  let applicant: string;
  let stranger: string;
  let coordinator: string;
  let otherCoordinator: string;
  let head: string;
  let headTwo: string;

  beforeAll(async () => {
    t = await createTestApp();
    const token = async (role: Parameters<typeof buildUser>[1], organisationId?: string) => bearerToken(t.app, (await buildUser(t.db, role, { organisationId })).email, PASSWORD);
    applicant = await token('applicant', (await buildApprovedOrganisation(t.db, { name: 'Łódź-Brücke e.V.' })).id);
    stranger = await token('applicant', (await buildApprovedOrganisation(t.db)).id);
    coordinator = await token('coordinator');
    otherCoordinator = await token('coordinator');
    head = await token('head');
    headTwo = await token('head');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (token: string, id: string) => request(t.app).get(`/api/v1/statement-requests/${id}`).set(auth(token));

  it('when the request is drafted, reviewed, drafted and signed, then a statement letter with every part is issued', async () => {
    const { title: _t, ...rest } = completeStatementRequest;
    const draft = await buildDraftStatementRequest(t, applicant, rest);
    expect(draft).toMatchObject({ reference: 'STN-2026-0001', state: 'draft', allowedEvents: ['SUBMIT', 'WITHDRAW'], municipalContribution: '0.00', funder: completeStatementRequest.funder });
    const incomplete = await sendStatementEvent(t, applicant, draft.id, { type: 'SUBMIT' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(['title', 'attachments.third_party_application']);

    await request(t.app).patch(`/api/v1/statement-requests/${draft.id}`).set(auth(applicant)).send({ title: completeStatementRequest.title }).expect(200);
    await request(t.app).post(`/api/v1/statement-requests/${draft.id}/attachments`).set(auth(applicant)).field('kind', 'third_party_application').attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'ESF-Antrag.pdf').expect(201);
    expect((await sendStatementEvent(t, applicant, draft.id, { type: 'SUBMIT' })).body.state).toBe('submitted');
    expect((await sendStatementEvent(t, coordinator, draft.id, { type: 'START_REVIEW' })).body.state).toBe('in_review');
    const drafted = await sendStatementEvent(t, coordinator, draft.id, statementDraft);
    expect(drafted.body).toMatchObject({ state: 'awaiting_approval' });
    expect((await get(applicant, draft.id)).body.statement).toBeNull();
    expect((await get(head, draft.id)).body.statement).toMatchObject({ position: 'supportive', sections: { need: statementDraft.sections.need } });

    const issued = await sendStatementEvent(t, head, draft.id, { type: 'ISSUE' });
    expect(issued.body).toMatchObject({ state: 'issued', allowedEvents: [] });
    await t.app.services.jobs.drain();
    const view = await get(applicant, draft.id);
    expect(view.body.notices.map((n: { kind: string }) => n.kind)).toEqual(['statement']);
    expect(view.body.statement.position).toBe('supportive');

    const notice = await t.db.notice.findFirstOrThrow({ where: { caseId: draft.id, kind: 'statement' } });
    const dir = mkdtempSync(join(tmpdir(), 'fps-stn-'));
    writeFileSync(join(dir, 's.pdf'), notice.content);
    const text = execFileSync('pdftotext', [join(dir, 's.pdf'), '-']).toString().replace(/\s+/g, ' ');
    for (const part of ['Stellungnahme', 'Łódź-Brücke e.V.', 'ESF Plus', '36.000,00 €', 'befürwortet', 'Hoher Anteil Älterer', 'Kein vergleichbares Angebot', 'Seniorenbeirat', 'Haushalt']) {
      expect(text).toContain(part);
    }
  });

  it('when the head who signs drafted the statement, then 403 (four-eyes)', async () => {
    const draft = await buildSubmittedStatementRequest(t, applicant);
    const drafterHead = await buildUser(t.db, 'head');
    await sendStatementEvent(t, coordinator, draft.id, { type: 'START_REVIEW' });
    await sendStatementEvent(t, coordinator, draft.id, statementDraft);
    await t.db.case.update({ where: { id: draft.id }, data: { reviewerId: drafterHead.id } });
    const token = await bearerToken(t.app, drafterHead.email, PASSWORD);
    expect((await sendStatementEvent(t, token, draft.id, { type: 'ISSUE' })).status).toBe(403);
  });

  it('when roles, states or payloads are wrong, then 403, 409 and 422 as for applications', async () => {
    const app = await buildStatementAwaitingApproval(t, applicant, coordinator);
    expect((await sendStatementEvent(t, otherCoordinator, app.id, statementDraft)).status).toBe(403);
    expect((await sendStatementEvent(t, coordinator, app.id, { type: 'ISSUE' })).status).toBe(403);
    expect((await sendStatementEvent(t, applicant, app.id, { type: 'SUBMIT' })).status).toBe(409);
    expect((await sendStatementEvent(t, head, app.id, { type: 'RETURN_TO_REVIEW', message: '' })).status).toBe(422);
    expect((await get(stranger, app.id)).status).toBe(404);
    const back = await sendStatementEvent(t, head, app.id, { type: 'RETURN_TO_REVIEW', message: 'Bitte Kofinanzierung klären.' });
    expect(back.body.state).toBe('in_review');
    const wrongPosition = await sendStatementEvent(t, coordinator, app.id, { ...statementDraft, position: 'enthusiastic' });
    expect(wrongPosition.status).toBe(422);
  });

  it('when a head tries to sign before anything was drafted, then 409 rather than an error', async () => {
    const app = await buildSubmittedStatementRequest(t, applicant);
    expect((await sendStatementEvent(t, head, app.id, { type: 'ISSUE' })).status).toBe(409);
  });

  it('when an event carries fields it does not take, then 422 and nothing reaches the audit trail', async () => {
    const app = await buildSubmittedStatementRequest(t, applicant);
    const res = await sendStatementEvent(t, coordinator, app.id, { type: 'START_REVIEW', fileName: 'Bewilligung zugesagt' });
    expect(res.status).toBe(422);
    expect(await t.db.auditEvent.count({ where: { subjectId: app.id, action: 'START_REVIEW' } })).toBe(0);
  });

  it('when two heads sign at the same moment, then one statement is issued', async () => {
    const app = await buildStatementAwaitingApproval(t, applicant, coordinator);
    const results = await Promise.all([sendStatementEvent(t, head, app.id, { type: 'ISSUE' }), sendStatementEvent(t, headTwo, app.id, { type: 'ISSUE' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await t.db.outboxJob.count({ where: { kind: 'notice', payload: { contains: app.id } } })).toBe(1);
  });

  it('when a statement request lists, then it carries the funder deadline', async () => {
    const list = await request(t.app).get('/api/v1/statement-requests').set(auth(coordinator));
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ funderDeadline: '2027-01-31' });
    expect((await request(t.app).get('/api/v1/statement-requests').set(auth(stranger))).body.total).toBe(0);
  });
});
