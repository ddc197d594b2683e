import type { Actor } from '../../../../src/auth/policy';
import { loadVisibleCase, visibleCasesWhere } from '../../../../src/cases/engine/load-case';
import { bearerToken, createTestApp, type TestApp } from '../../../support/app';
import { buildApprovedOrganisation, buildUser, PASSWORD } from '../../../support/factories';
import { buildDraftApplication, buildSubmittedApplication } from '../../../support/cases';

describe('who sees which case, in lists and one case at a time', () => {
  let t: TestApp;
  const actors: Record<string, Actor> = {};
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const name of ['A', 'B']) {
      const org = await buildApprovedOrganisation(t.db);
      const user = await buildUser(t.db, 'applicant', { organisationId: org.id });
      actors[`applicant ${name}`] = { id: user.id, role: 'applicant', organisationId: org.id };
      const token = await bearerToken(t.app, user.email, PASSWORD);
      cases[`draft of ${name}`] = (await buildDraftApplication(t, token)).id;
      cases[`submitted by ${name}`] = (await buildSubmittedApplication(t, token)).id;
    }
    for (const role of ['coordinator', 'head'] as const) {
      actors[role] = { id: (await buildUser(t.db, role)).id, role, organisationId: null };
    }
    actors['applicant without organisation'] = { id: 'nobody', role: 'applicant', organisationId: null };
  });
  afterAll(() => t.close());

  const nameOf = (id: string) => Object.keys(cases).find((name) => cases[name] === id)!;

  async function listed(actor: Actor, kind: string): Promise<string[]> {
    const rows = await t.db.case.findMany({ where: { ...visibleCasesWhere(actor, kind), id: { in: Object.values(cases) } }, select: { id: true } });
    return rows.map((r) => nameOf(r.id)).sort();
  }

  async function loadable(actor: Actor, kind: string): Promise<string[]> {
    const seen: string[] = [];
    for (const [name, id] of Object.entries(cases)) {
      const found = await loadVisibleCase(t.db, actor, kind, id).then(
        () => true,
        (error: { code?: string }) => {
          if (error.code !== 'not_found') throw error;
          return false;
        },
      );
      if (found) seen.push(name);
    }
    return seen.sort();
  }

  it.each([
    ['applicant A', ['draft of A', 'submitted by A']],
    ['applicant B', ['draft of B', 'submitted by B']],
    ['applicant without organisation', []],
    ['coordinator', ['submitted by A', 'submitted by B']],
    ['head', ['submitted by A', 'submitted by B']],
  ])('when %s asks, then the list and the single case show the same cases', async (who, expected) => {
    const actor = actors[who]!;
    expect(await listed(actor, 'application')).toEqual(expected);
    expect(await loadable(actor, 'application')).toEqual(expected);
  });

  it('when a case is asked for as another kind, then neither the list nor the single case shows it', async () => {
    for (const actor of Object.values(actors)) {
      expect(await listed(actor, 'statement')).toEqual([]);
      expect(await loadable(actor, 'statement')).toEqual([]);
    }
  });
});
