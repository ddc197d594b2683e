import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { asRole, clickAndWait, startBrowserApp, type BrowserApp, snapshot, visit } from '../support/browser';
import { PDF_BYTES } from '../support/cases';

// Each step drives a real browser through several pages; a loaded CI machine needs more than 30 s.
jest.setTimeout(120_000);

describe('a statement request walked through in a real browser', () => {
  let t: TestApp;
  let base: string;
  let env: BrowserApp;
  let caseUrl: string;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base } = env);
  });
  afterAll(() => env?.close());

  const as = (role: string, steps: (page: Page) => Promise<void>) => asRole(env, role, steps);

  it('when the provider fills in the request and uploads its application, then it can submit', async () => {
    await as('applicant', async (page) => {
      await visit(page, `${base}/stellungnahmen/neu`);
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
      await clickAndWait(page, 'Anfrage einreichen');
      await page.getByText('Ihre Anfrage ist eingereicht.').waitFor();
    });
  });

  it('when the coordinator claims, previews and drafts, then the draft goes to the head', async () => {
    await as('coordinator', async (page) => {
      await visit(page, caseUrl);
      await clickAndWait(page, 'Anfrage übernehmen');
      await page.getByLabel('Bedarf im Sozialraum').fill('Viele Ältere leben allein.');
      await page.getByLabel('befürwortet mit Hinweisen').check();
      await page.getByLabel('Begründung').fill('Sinnvoll; Verstetigung klären.');
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
      await snapshot(page, 'stn-3-issued');
    });
  });
});
