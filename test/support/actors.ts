import request from 'supertest';
import { bearerToken, csrfTokenFrom, signInAgent, type Agent, type TestApp } from './app';
import { buildApprovedOrganisation, buildPendingOrganisation, buildUser, PASSWORD } from './factories';
import { PDF_BYTES, buildDraftApplication, buildSubmittedApplication } from './cases';
import { buildDraftStatementRequest, buildSubmittedStatementRequest, sendStatementEvent, statementDraft } from './statements';
import { inviteMember } from '../../src/accounts/invite-member';
import { seedAuthorityProfile } from '../../src/notices/authority';

/** The six kinds of caller every route is tried with. */
export const ACTOR_NAMES = ['anonymous', 'applicant', 'otherApplicant', 'coordinator', 'head', 'admin'] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export interface Credentials {
  /** Bearer token for /api routes; undefined for the anonymous caller. */
  token: string | undefined;
  /** Cookie-carrying agent for pages, with the CSRF token its session expects. */
  agent: Agent;
  csrf: string;
}

export interface TestActor extends Credentials {
  name: ActorName;
  userId: string | null;
  organisationId: string | null;
  /** A second sign-in of the same person, for routes that end the session or revoke the token. */
  spare: Credentials;
}

async function anonymousCredentials(t: TestApp): Promise<Credentials> {
  const agent = request.agent(t.app);
  return { token: undefined, agent, csrf: await csrfTokenFrom(agent) };
}

async function signedIn(t: TestApp, email: string): Promise<Credentials> {
  const agent = await signInAgent(t.app, email, PASSWORD);
  return { token: await bearerToken(t.app, email, PASSWORD), agent, csrf: await csrfTokenFrom(agent, '/registrieren') };
}

/**
 * One caller of each kind: an applicant (member of organisation A), an applicant of another
 * organisation B, a coordinator, a head and an administrator, each signed in twice (page session
 * and API token), plus the anonymous visitor. Built once per test file and reused.
 */
export async function buildActors(t: TestApp): Promise<Record<ActorName, TestActor>> {
  const orgA = await buildApprovedOrganisation(t.db, { name: 'Träger A e.V.' });
  const orgB = await buildApprovedOrganisation(t.db, { name: 'Träger B e.V.' });
  const users = {
    applicant: await buildUser(t.db, 'applicant', { organisationId: orgA.id }),
    otherApplicant: await buildUser(t.db, 'applicant', { organisationId: orgB.id }),
    coordinator: await buildUser(t.db, 'coordinator'),
    head: await buildUser(t.db, 'head'),
    admin: await buildUser(t.db, 'admin'),
  };
  const actors = {
    anonymous: { name: 'anonymous', userId: null, organisationId: null, ...(await anonymousCredentials(t)), spare: await anonymousCredentials(t) },
  } as Record<ActorName, TestActor>;
  // Password checks run in libuv's thread pool: signing everybody in at once uses both cores.
  await Promise.all(
    (Object.entries(users) as [Exclude<ActorName, 'anonymous'>, (typeof users)['admin']][]).map(async ([name, user]) => {
      const [main, spare] = await Promise.all([signedIn(t, user.email), signedIn(t, user.email)]);
      actors[name] = { name, userId: user.id, organisationId: user.organisationId, ...main, spare };
    }),
  );
  return actors;
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function attach(t: TestApp, token: string, path: string, id: string, kind: string, name: string): Promise<string> {
  const res = await request(t.app).post(`/api/v1/${path}/${id}/attachments`).set(auth(token)).field('kind', kind).attach('file', PDF_BYTES, name);
  if (res.status !== 201) throw new Error(`attach failed ${res.status}: ${res.text}`);
  return (res.body as { id: string }).id;
}

async function firstAttachment(t: TestApp, caseId: string): Promise<string> {
  return (await t.db.attachment.findFirstOrThrow({ where: { caseId }, orderBy: { createdAt: 'asc' } })).id;
}

/**
 * The records the route matrix points at. Routes that change something get a record of their
 * own per caller style (API, page), so the order of the rows cannot change another row's answer.
 */
export async function buildWorld(t: TestApp, actors: Record<ActorName, TestActor>) {
  const applicant = actors.applicant.token!;
  const coordinator = actors.coordinator.token!;
  await seedAuthorityProfile(t.db);

  const appSubmitted = await buildSubmittedApplication(t, applicant);
  const appForApiEvent = await buildSubmittedApplication(t, applicant);
  const appForPageEvent = await buildSubmittedApplication(t, applicant);
  const appDraft = await buildDraftApplication(t, applicant);
  const appDraftAttachments = {
    apiDelete: await attach(t, applicant, 'applications', appDraft.id, 'other', 'weg-api.pdf'),
    pageDelete: await attach(t, applicant, 'applications', appDraft.id, 'other', 'weg-seite.pdf'),
  };

  const stmtSubmitted = await buildSubmittedStatementRequest(t, applicant);
  const stmtForApiEvent = await buildSubmittedStatementRequest(t, applicant);
  const stmtForPageEvent = await buildSubmittedStatementRequest(t, applicant);
  const stmtInReview = await buildSubmittedStatementRequest(t, applicant);
  await sendStatementEvent(t, coordinator, stmtInReview.id, { type: 'START_REVIEW' });
  const stmtAwaiting = await buildSubmittedStatementRequest(t, applicant);
  for (const body of [{ type: 'START_REVIEW' }, statementDraft]) {
    const res = await sendStatementEvent(t, coordinator, stmtAwaiting.id, body);
    if (res.status !== 200) throw new Error(`statement ${body.type} failed ${res.status}: ${res.text}`);
  }
  const stmtDraft = await buildDraftStatementRequest(t, applicant);
  const stmtDraftAttachments = {
    apiDelete: await attach(t, applicant, 'statement-requests', stmtDraft.id, 'other', 'weg-api.pdf'),
    pageDelete: await attach(t, applicant, 'statement-requests', stmtDraft.id, 'other', 'weg-seite.pdf'),
  };

  await t.app.services.jobs.drain();
  const notice = await t.db.notice.findFirstOrThrow({ where: { caseId: appSubmitted.id } });
  // Made after the cases, so that none of them joins it.
  const round = await t.db.fundingRound.create({ data: { programmeId: 'FRL_SOZIALES', year: 2027, deadline: '2026-09-30', budgetCents: 3_500_000 } });

  const applicantActor = { id: actors.applicant.userId!, role: 'applicant' as const, organisationId: actors.applicant.organisationId };
  const { token: invitationToken } = await inviteMember({ db: t.db, clock: t.clock, actor: applicantActor, email: `eingeladen-${Date.now()}@test.example` });

  return {
    appSubmitted: { id: appSubmitted.id, attachmentId: await firstAttachment(t, appSubmitted.id) },
    appForApiEvent: appForApiEvent.id,
    appForPageEvent: appForPageEvent.id,
    appDraft: { id: appDraft.id, attachmentId: await firstAttachment(t, appDraft.id), ...appDraftAttachments },
    stmtSubmitted: { id: stmtSubmitted.id, attachmentId: await firstAttachment(t, stmtSubmitted.id) },
    stmtForApiEvent: stmtForApiEvent.id,
    stmtForPageEvent: stmtForPageEvent.id,
    stmtInReview: stmtInReview.id,
    stmtAwaiting: stmtAwaiting.id,
    stmtDraft: { id: stmtDraft.id, ...stmtDraftAttachments },
    notice: { id: notice.id, code: notice.verificationCode },
    round: round.id,
    invitationToken,
    pendingOrganisations: { api: (await buildPendingOrganisation(t.db)).id, page: (await buildPendingOrganisation(t.db)).id },
    spareOrganisations: { api: (await buildApprovedOrganisation(t.db)).id, page: (await buildApprovedOrganisation(t.db)).id },
    spareUsers: { api: (await buildUser(t.db, 'coordinator')).id, page: (await buildUser(t.db, 'coordinator')).id },
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
