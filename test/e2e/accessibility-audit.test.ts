import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { focusIndicatorOf } from '../support/accessibility';
import { asRole, checkPage, clickAndWait, finishPage, newFollowedPage, startBrowserApp, type BrowserApp, snapshot, visit } from '../support/browser';
import { demoAccounts } from '../../src/db/demo-data';
import { seedDemoCases } from '../../src/db/demo-cases';
import { inviteMember } from '../../src/accounts/invite-member';
import { t as text } from '../../src/i18n/t';
import { handComputedCases, seedReportWorld } from '../support/report-data';
import { schematicDistrictMap } from '../../src/reports/schematic-map';

// Dozens of pages, each scanned with axe: a loaded CI machine needs well over 30 s.
jest.setTimeout(180_000);

/**
 * Every kind of page of the portal, for every role, in an empty portal and in one with cases in
 * every state, plus the error states: WCAG 2.1 AA (BITV 2.0) by axe-core and structural checks.
 */
describe('the accessibility audit of every page of the portal', () => {
  let t: TestApp;
  let base: string;
  let env: BrowserApp;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base } = env);
  });
  afterAll(async () => {
    if (env) console.log(`Accessibility audit: ${env.audit.summary()}`);
    await env?.close();
  });

  /** Visits a list page and every case it links to, each case keyed by its state. */
  async function visitCasesOf(page: Page, listPath: string): Promise<number> {
    await visit(page, `${base}${listPath}`);
    const hrefs = await page.locator('main a[href^="/antraege/c"], main a[href^="/stellungnahmen/c"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
    const seenStates = new Set<string>();
    for (const href of hrefs) {
      const row = await t.db.case.findUniqueOrThrow({ where: { id: href.split('/')[2]! } });
      if (seenStates.has(row.state)) continue;
      seenStates.add(row.state);
      await visit(page, `${base}${href}`, row.state);
    }
    return seenStates.size;
  }

  it('when nobody is signed in, then the public pages, the sign-in errors and the 404 page pass', async () => {
    const { context, page } = await newFollowedPage(env, 'public');
    for (const path of ['/', '/anmelden', '/registrieren', '/barrierefreiheit', '/impressum', '/datenschutz', '/verify']) await visit(page, `${base}${path}`);
    await visit(page, `${base}/verify/ABCD-EFGH-IJKL`, 'unknown code');
    await visit(page, `${base}/einladung/kein-gueltiger-token`, 'invalid invitation');
    await visit(page, `${base}/gibt-es-nicht`, '404');
    expect(await page.locator('h1').textContent()).toMatch(/nicht gefunden/i);

    await visit(page, `${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(demoAccounts[0]!.email);
    await page.getByLabel('Passwort').fill('falsches-passwort');
    await clickAndWait(page, 'Anmelden', 'wrong password');
    expect(await page.title()).toMatch(/^Fehler: Anmelden/);
    await snapshot(page, 'audit-sign-in-wrong-password');
    await clickAndWait(page, 'Anmelden', 'empty fields');
    await finishPage(page);
    await context.close();
  });

  it('when a keyboard user tabs to links and buttons, then each shows a visible focus indicator', async () => {
    const { context, page } = await newFollowedPage(env, 'public');
    await visit(page, `${base}/anmelden`);
    const indicators = [
      await focusIndicatorOf(page, '.fp-skip-link'),
      await focusIndicatorOf(page, '.fp-brand'),
      await focusIndicatorOf(page, 'main input'),
      await focusIndicatorOf(page, 'main button'),
      await focusIndicatorOf(page, 'main a.kern-link'),
      await focusIndicatorOf(page, 'footer a'),
    ];
    for (const indicator of indicators) expect(indicator).toMatchObject({ visible: true });
    await snapshot(page, 'audit-focus-footer-link');
    await finishPage(page);
    await context.close();
  });

  it('when the accessibility statement is read, then it states partial conformity, a feedback contact and the enforcement procedure', async () => {
    const { context, page } = await newFollowedPage(env, 'public');
    await visit(page, `${base}/impressum`);
    await page.locator('footer').getByRole('link', { name: 'Barrierefreiheit' }).click();
    await page.waitForURL(`${base}/barrierefreiheit`);
    await checkPage(page);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Erklärung zur Barrierefreiheit');
    expect(text).toContain('teilweise vereinbar');
    expect(text).toMatch(/PDF/);
    expect(text).toContain('Schlichtungsstelle');
    expect(await page.locator('main a[href^="mailto:"]').count()).toBeGreaterThan(0);
    await snapshot(page, 'audit-accessibility-statement');
    await finishPage(page);
    await context.close();
  });

  it('when the portal has no cases yet, then the empty inboxes and lists of every role pass', async () => {
    await asRole(env, 'applicant', async (page) => {
      await visit(page, `${base}/antraege`, 'empty');
      await visit(page, `${base}/stellungnahmen`, 'empty');
      await page.locator('.fp-empty').first().waitFor();
    });
    for (const role of ['coordinator', 'head'] as const) {
      await asRole(env, role, async (page) => {
        await visit(page, `${base}/antraege`, 'empty');
        await page.locator('.fp-empty').first().waitFor();
        await visit(page, `${base}/stellungnahmen`, 'empty');
      });
    }
    await asRole(env, 'coordinator', (page) => visit(page, `${base}/admin/organisationen?status=pending`, 'empty'));
  });

  it('when the portal holds cases in every state, then every page of every role passes', async () => {
    await seedDemoCases(t.app.services);
    await t.app.services.jobs.drain();
    let casePages = 0;

    await asRole(env, 'applicant', async (page) => {
      casePages += await visitCasesOf(page, '/antraege');
      casePages += await visitCasesOf(page, '/stellungnahmen');
      await visit(page, `${base}/antraege/neu`);
      await clickAndWait(page, 'Entwurf speichern', 'with errors');
      const draft = await t.db.case.findFirstOrThrow({ where: { kind: 'application', state: 'draft' } });
      await visit(page, `${base}/antraege/${draft.id}/bearbeiten`);
      await visit(page, `${base}/stellungnahmen/neu`);
      await visit(page, `${base}/admin/benutzer`, 'forbidden');
      await visit(page, `${base}/antraege/c00000000000000000000000`, 'not visible');
    });
    for (const role of ['coordinator', 'head'] as const) {
      await asRole(env, role, async (page) => {
        for (const group of ['neu', 'pruefung', 'traeger', 'entscheidung', 'entschieden']) await visit(page, `${base}/antraege?gruppe=${group}`);
        casePages += await visitCasesOf(page, '/antraege');
        casePages += await visitCasesOf(page, '/stellungnahmen');
        if (role === 'coordinator') await visit(page, `${base}/admin/organisationen`);
      });
    }
    await asRole(env, 'admin', async (page) => {
      await visit(page, `${base}/admin/organisationen`);
      await clickAndWait(page, 'Organisation anlegen', 'with errors');
      await visit(page, `${base}/admin/benutzer`);
      await clickAndWait(page, 'Konto anlegen', 'with errors');
      await visit(page, `${base}/admin/behoerde`);
      await snapshot(page, 'audit-admin-authority');
    });
    expect(casePages).toBeGreaterThan(8);
    expect(env.audit.distinctPages.length).toBeGreaterThanOrEqual(42);
  });
  it('when programmes, rounds, Ortsteile and the committee step are used, then those pages and their error states pass', async () => {
    if ((await t.db.case.count({ where: { state: 'awaiting_decision' } })) === 0) {
      await seedDemoCases(t.app.services);
      await t.app.services.jobs.drain();
    }
    const round = await t.db.fundingRound.findFirstOrThrow({ where: { year: 2027 } });
    const awaiting = await t.db.case.findFirstOrThrow({ where: { roundId: round.id, state: 'awaiting_decision' } });
    await asRole(env, 'admin', async (page) => {
      await visit(page, `${base}/admin/foerderprogramme`);
      await clickAndWait(page, text('pages.planning.programmes.createRound'), 'with errors');
      expect(await page.title()).toMatch(/^Fehler:/);
      await visit(page, `${base}/admin/foerderrunden/${round.id}`);
      await page.getByLabel(text('pages.planning.programmes.budget')).fill('viel');
      await clickAndWait(page, text('pages.common.save'), 'with errors');
      await visit(page, `${base}/admin/foerderprogramme`);
      await clickAndWait(page, new RegExp(`^${text('pages.planning.programmes.switchOn')}`), 'committee on');
      await visit(page, `${base}/admin/ortsteile`);
      await snapshot(page, 'audit-admin-districts');
      await page.setInputFiles('#field-file', { name: 'ortsteile.csv', mimeType: 'text/csv', buffer: Buffer.from('Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner\nRieth;Nord;2027;viel;6400\n') });
      await clickAndWait(page, text('pages.planning.districts.import'), 'import errors');
      expect(await page.title()).toMatch(/^Fehler:/);
      await visit(page, `${base}/foerderrunden`);
    });
    await asRole(env, 'coordinator', async (page) => {
      await visit(page, `${base}/foerderrunden`);
      await visit(page, `${base}/foerderrunden/${round.id}`, 'committee on');
      await snapshot(page, 'audit-round-coordinator');
      await clickAndWait(page, text('pages.planning.round.record'), 'with errors');
      expect(await page.title()).toMatch(/^Fehler:/);
    });
    await asRole(env, 'head', async (page) => {
      await visit(page, `${base}/foerderrunden/${round.id}`, 'committee on');
      await visit(page, `${base}/antraege/${awaiting.id}`, 'committee pending');
      expect(await page.locator('main').innerText()).toContain(text('pages.planning.committee.heading'));
      await snapshot(page, 'audit-decision-committee-pending');
      await clickAndWait(page, text('pages.applicationActions.decide'), 'committee refuses');
      expect(await page.locator('main').innerText()).toContain('noch nicht beschlossen');
    });
    await t.db.programme.update({ where: { id: 'FRL_SOZIALES' }, data: { committeeStep: false } });
  });

  it('when reports, the district map, its upload and the public list of funded projects are shown, then those pages pass', async () => {
    const { context, page } = await newFollowedPage(env, 'public');
    await visit(page, `${base}/transparenz?jahr=2031`, 'empty');
    await context.close();
    await asRole(env, 'head', (head) => visit(head, `${base}/berichte?jahr=2031`, 'no round'));

    await seedReportWorld(t.db, handComputedCases, { committedCents: 1_000_000 });
    await asRole(env, 'admin', async (admin) => {
      await visit(admin, `${base}/admin/karte`, 'demo shapes');
      await admin.setInputFiles('#field-file', { name: 'falsch.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Atlantis"},"geometry":{"type":"Point","coordinates":[1,2]}}]}') });
      await clickAndWait(admin, text('reports.pages.mapSubmit'), 'with errors');
      expect(await admin.title()).toMatch(/^Fehler:/);
      await admin.setInputFiles('#field-file', { name: 'ortsteile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(schematicDistrictMap())) });
      await clickAndWait(admin, text('reports.pages.mapSubmit'), 'uploaded');
      await snapshot(admin, 'audit-admin-map');
      await visit(admin, `${base}/berichte`);
    });
    await asRole(env, 'head', async (head) => {
      await visit(head, `${base}/berichte?jahr=2027`);
      await snapshot(head, 'audit-reports-overview');
      await visit(head, `${base}/berichte?jahr=2027&farbe=sozialindex`);
      await snapshot(head, 'audit-reports-overview-social-index');
      for (const by of ['ortsteil', 'planungsraum', 'sozialindex', 'handlungsfeld']) await visit(head, `${base}/berichte/foerderung?jahr=2027&nach=${by}`);
      await snapshot(head, 'audit-reports-funding-field');
    });
    await asRole(env, 'coordinator', (coordinator) => visit(coordinator, `${base}/berichte/foerderung?jahr=2027&nach=planungsraum`));
    const visitor = await newFollowedPage(env, 'public');
    await visit(visitor.page, `${base}/transparenz?jahr=2027`);
    await snapshot(visitor.page, 'audit-transparency');
    await finishPage(visitor.page);
    await visitor.context.close();
  });

  it('when a notice is verified, an invitation followed, sign-in throttled, the database away or the profile mistyped, then those pages pass', async () => {
    if ((await t.db.notice.count({ where: { kind: 'grant' } })) === 0) {
      await seedDemoCases(t.app.services);
      await t.app.services.jobs.drain();
    }
    const notice = await t.db.notice.findFirstOrThrow({ where: { kind: 'grant' } });
    const { context, page } = await newFollowedPage(env, 'public');
    await visit(page, `${base}/verify/${notice.verificationCode}`, 'issued notice');
    await page.setInputFiles('#field-file', { name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: Buffer.from(notice.content) });
    await clickAndWait(page, text('pages.verifyShow.compare'), 'genuine upload');
    expect(await page.locator('main').innerText()).toContain(text('pages.verifyShow.genuineTitle'));
    await snapshot(page, 'audit-verify-genuine');
    const altered = Buffer.from(notice.content);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 1;
    await page.setInputFiles('#field-file', { name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: altered });
    await clickAndWait(page, text('pages.verifyShow.compare'), 'altered upload');
    expect(await page.locator('main').innerText()).toContain(text('pages.verifyShow.alteredTitle'));
    await clickAndWait(page, text('pages.verifyShow.compare'), 'no file');

    const member = await t.db.user.findFirstOrThrow({ where: { email: demoAccounts.find((a) => a.role === 'applicant')!.email } });
    const { token } = await inviteMember({ db: t.db, clock: t.clock, actor: { id: member.id, role: 'applicant', organisationId: member.organisationId }, email: 'neue.kollegin@example.org' });
    await visit(page, `${base}/einladung/${token}`, 'valid invitation');

    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 429; attempt++) {
      await visit(page, `${base}/anmelden`);
      await page.getByLabel('E-Mail-Adresse').fill('niemand@example.org');
      await page.getByLabel('Passwort').fill('falsches-passwort');
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/anmelden'),
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Anmelden', exact: true }).click(),
      ]);
      status = answer.status();
      await checkPage(page, status === 429 ? 'throttled' : 'wrong password');
    }
    expect(status).toBe(429);
    await snapshot(page, 'audit-sign-in-throttled');
    await finishPage(page);
    await context.close();

    const attachment = await t.db.attachment.findFirstOrThrow({ where: { case: { organisation: { users: { some: { id: member.id } } } } } });
    await asRole(env, 'applicant', async (signedIn) => {
      const away = Object.assign(new Error("Can't reach database server"), { code: 'P1001' });
      const spy = jest.spyOn(t.app.services.storage, 'get').mockRejectedValue(away);
      try {
        await visit(signedIn, `${base}/antraege/${attachment.caseId}/anlagen/${attachment.id}`, 'database away');
        expect(await signedIn.locator('main').innerText()).toContain(text('errors.503.title'));
        await snapshot(signedIn, 'audit-database-away');
      } finally {
        spy.mockRestore();
      }
    });
    await asRole(env, 'admin', async (admin) => {
      await visit(admin, `${base}/admin/behoerde`);
      await admin.getByLabel(text('pages.common.postalCode'), { exact: true }).fill('Erfurt');
      await clickAndWait(admin, text('pages.common.save'), 'with errors');
      expect(await admin.title()).toMatch(/^Fehler:/);
    });
  });
});
