import { createTestApp, bearerToken, type TestApp } from '../../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../../support/factories';
import { attachRequiredDocuments, buildDraftApplication } from '../../../support/cases';
import { applyEvent } from '../../../../src/cases/engine/apply-event';
import type { Actor } from '../../../../src/auth/policy';

describe('applyEvent: waking the outbox after the commit', () => {
  let t: TestApp;
  let applicant: Actor;
  let coordinator: Actor;
  let applicantToken: string;

  const actorOf = (u: { id: string; role: string; organisationId: string | null }): Actor => ({ id: u.id, role: u.role as Actor['role'], organisationId: u.organisationId });

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildApprovedOrganisation(t.db);
    const member = await buildUser(t.db, 'applicant', { organisationId: org.id });
    applicant = actorOf(member);
    coordinator = actorOf(await buildUser(t.db, 'coordinator'));
    applicantToken = await bearerToken(t.app, member.email, PASSWORD);
  });
  afterAll(() => t.close());

  const event = (actor: Actor, caseId: string, type: string, onCommitted: () => void) =>
    applyEvent({ db: t.db, clock: t.clock, kind: t.app.services.kinds.application, actor, caseId, type, body: {}, onCommitted });

  it('when an event enqueues side effects, then the outbox is woken once, after the commit', async () => {
    const draft = await buildDraftApplication(t, applicantToken);
    await attachRequiredDocuments(t, applicantToken, draft.id);
    // What the woken outbox would find: the jobs must already be committed when it looks.
    const seenAtWake: Promise<number>[] = [];
    await event(applicant, draft.id, 'SUBMIT', () => seenAtWake.push(t.db.outboxJob.count({ where: { payload: { contains: draft.id } } })));
    expect(seenAtWake).toHaveLength(1);
    expect(await seenAtWake[0]).toBeGreaterThan(0);
  });

  it('when an event enqueues nothing, then the outbox is not woken, since it would only look for work', async () => {
    const draft = await buildDraftApplication(t, applicantToken);
    await attachRequiredDocuments(t, applicantToken, draft.id);
    await event(applicant, draft.id, 'SUBMIT', () => undefined);
    const jobsBefore = await t.db.outboxJob.count();
    const onCommitted = jest.fn();
    const row = await event(coordinator, draft.id, 'START_REVIEW', onCommitted);
    expect(row.state).toBe('in_review');
    expect(await t.db.outboxJob.count()).toBe(jobsBefore);
    expect(onCommitted).not.toHaveBeenCalled();
  });
});
