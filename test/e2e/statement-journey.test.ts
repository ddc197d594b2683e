import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { asRole, checkPage, clickAndWait, navigateBy, startBrowserApp, type BrowserApp, snapshot, visit } from '../support/browser';
import { PDF_BYTES } from '../support/cases';

// Each step drives a real browser through several pages; a loaded CI machine needs more than 30 s.
jest.setTimeout(120_000);

describe('a statement request walked through in a real browser, every page scanned for accessibility', () => {
  let t: TestApp;
  let base: string;
  let env: BrowserApp;
  let caseUrl: string;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base } = env);
  });
  afterAll(async () => {
    if (env) console.log(`Statement journey, accessibility: ${env.audit.summary()}`);
    await env?.close();
  });

  const as = (role: string, steps: (page: Page) => Promise<void>) => asRole(env, role, steps);

  it('when the provider fills in the request and uploads its application, then it can submit', async () => {
    await as('applicant', async (page) => {
      await visit(page, `${base}/stellungnahmen`);
      await visit(page, `${base}/stellungnahmen/neu`);
      await page.getByLabel('Gesamtkosten in Euro').fill('viel');
      await clickAndWait(page, 'Entwurf speichern', 'with errors');
      await page.getByLabel('Titel des Projekts').fill('Digitale Lotsen');
      await page.getByLabel('Fördermittelgeber', { exact: true }).fill('Europäischer Sozialfonds Plus (ESF Plus)');
      await page.getByLabel('Förderprogramm', { exact: true }).fill('ESF Plus – Soziale Innovation');
      await page.getByLabel('Kurzbeschreibung').fill('Lotsen helfen Älteren mit digitalen Diensten.');
      await page.getByLabel('Ortsteil').selectOption({ label: 'Rieth (Planungsraum Nord)' });
      await page.getByLabel('Gesamtkosten in Euro').fill('48.000');
      await page.getByLabel('Beim Fördermittelgeber beantragt, in Euro').fill('36.000');
      await page.getByLabel('Von der Stadt erbetene Kofinanzierung, in Euro').fill('0');
      await page.getByLabel('Frist des Fördermittelgebers').fill('2027-01-31');
      await clickAndWait(page, 'Entwurf speichern');
      caseUrl = page.url();
      await page.getByLabel('Art der Anlage').selectOption({ label: 'Drittmittelantrag' });
      await page.getByLabel('Datei').setInputFiles({ name: 'ESF-Antrag.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
      await page.getByRole('button', { name: 'Hochladen' }).click();
      await page.getByText('wurde hochgeladen').waitFor();
      // The upload script writes the server's answer into the same document: scan it again.
      await checkPage(page, 'after upload');
      await clickAndWait(page, 'Anfrage einreichen');
      await page.getByText('Ihre Anfrage ist eingereicht.').waitFor();
    });
  });

  it('when the coordinator claims it and requests changes, then the provider edits and resubmits', async () => {
    await as('coordinator', async (page) => {
      await visit(page, `${base}/stellungnahmen`);
      await navigateBy(page, () => page.getByRole('link', { name: /STN-2026-/ }).first().click());
      await clickAndWait(page, 'Anfrage übernehmen');
      await page.getByText('Unterlagen oder Angaben nachfordern').click();
      await page.getByLabel('Was fehlt oder ist zu ändern?').fill('Bitte nennen Sie die Kofinanzierung, die Sie von der Stadt erbitten.');
      await page.getByLabel('Frist').fill('2026-12-15');
      await clickAndWait(page, 'Nachforderung stellen');
      await page.getByText('Die Nachforderung ist gestellt').waitFor();
    });
    await as('applicant', async (page) => {
      await visit(page, caseUrl);
      await navigateBy(page, () => page.getByRole('link', { name: 'Angaben bearbeiten' }).first().click());
      await page.getByLabel('Von der Stadt erbetene Kofinanzierung, in Euro').fill('4.800');
      await clickAndWait(page, 'Entwurf speichern');
      await clickAndWait(page, 'Anfrage erneut einreichen');
      await page.getByText('erneut eingereicht').first().waitFor();
    });
  });

  it('when the coordinator previews and drafts, then the draft goes to the head', async () => {
    await as('coordinator', async (page) => {
      await visit(page, caseUrl);
      await page.getByLabel('Bedarf im Sozialraum').fill('Viele Ältere leben allein.');
      await page.getByLabel('befürwortet mit Hinweisen').check();
      await page.getByLabel('Begründung').fill('Sinnvoll; Verstetigung klären.');
      // Every part a statement must cover is asked for before it goes to the head.
      await clickAndWait(page, 'Entwurf zur Zeichnung vorlegen', 'with errors');
      await page.locator('.fp-error-summary a[href="#field-sectionPlanning"]').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-sectionPlanning');
      await page.getByLabel('Passung zu den Planungen der Stadt').fill('Entspricht dem Seniorenplan.');
      await page.getByLabel('Bestehende Angebote und keine Doppelstrukturen').fill('Kein vergleichbares Angebot im Rieth.');
      await page.getByLabel('Kooperation', { exact: true }).fill('Mit dem Seniorenbeirat.');
      const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Vorschau des Schreibens (PDF)' }).click()]);
      await preview.waitForLoadState();
      expect(preview.url()).toContain('/vorschau');
      await preview.close();
      await snapshot(page, 'stn-1-editor');
      await clickAndWait(page, 'Entwurf zur Zeichnung vorlegen');
      await page.getByText('liegt der Amtsleitung zur Zeichnung vor').waitFor();
    });
  });

  it('when the head signs, then the provider downloads the statement letter', async () => {
    await as('head', async (page) => {
      await visit(page, `${base}/stellungnahmen`);
      await visit(page, caseUrl);
      await page.getByText('Viele Ältere leben allein.').waitFor();
      await snapshot(page, 'stn-2-head');
      await clickAndWait(page, 'Stellungnahme zeichnen');
      await page.getByText('Die Stellungnahme ist gezeichnet.').waitFor();
    });
    await t.app.services.jobs.drain();
    await as('applicant', async (page) => {
      await visit(page, caseUrl);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Stellungnahme (PDF)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^STN-2026-\d{4}-statement\.pdf$/);
      const path = (await download.path())!;
      expect(execFileSync('file', ['--brief', '--mime-type', path]).toString().trim()).toBe('application/pdf');
      const text = execFileSync('pdftotext', [path, '-']).toString();
      expect(text).toContain('Digitale Lotsen');
      expect(text).toContain('befürwortet mit Hinweisen');
      await snapshot(page, 'stn-3-issued');
    });
  });
});
