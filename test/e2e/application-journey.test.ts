import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { asRole, clickAndWait, startBrowserApp, type BrowserApp, snapshot } from '../support/browser';
import { PDF_BYTES } from '../support/cases';

// Each step drives a real browser through several pages; a loaded CI machine needs more than 30 s.
jest.setTimeout(120_000);

describe('an FRL application walked through in a real browser by all three roles', () => {
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

  it('when the provider drafts, uploads and submits, then the case is submitted with a receipt on its way', async () => {
    await as('applicant', async (page) => {
      await page.goto(`${base}/antraege/neu`);
      await page.getByLabel('Titel des Projekts').fill('Familiencafé Ilversgehofen');
      await page.getByLabel('Kurzbeschreibung und Zweck').fill('Offener Treff für Familien mit kleinen Kindern.');
      await page.getByLabel('Ortsteil').selectOption({ label: 'Ilversgehofen (Planungsraum Nord)' });
      await page.getByLabel('Handlungsfeld').selectOption({ label: 'Kinder, Jugend und Familie' });
      await page.getByLabel('Teilziele (FRL Nr. 1.6.2)').fill('Familien vernetzen');
      await page.getByLabel('Projektbausteine (FRL Nr. 2.2)').fill('Wöchentliches Café');
      await page.getByLabel('Beginn').fill('2027-01-01');
      await page.getByLabel('Ende', { exact: true }).fill('2027-12-31');
      await page.getByLabel('Fehlbedarfsfinanzierung').check();
      await page.getByLabel('Kategorie, Zeile 1').selectOption('personnel');
      await page.getByLabel('Beschreibung, Zeile 1').fill('Fachkraft');
      await page.getByLabel('Betrag in Euro, Zeile 1').fill('6.000,00');
      await page.getByLabel('Eigenmittel in Euro').fill('1.000');
      expect(await page.locator('[data-fp-totals]').textContent()).toContain('5.000,00');
      await page.getByLabel('Beantragte Zuwendung in Euro').fill('5.000,00');
      await page.getByLabel('Name', { exact: true }).fill('Jana Yılmaz');
      await page.getByLabel('E-Mail-Adresse').fill('jana@lodz-bruecke.example');
      await clickAndWait(page, 'Entwurf speichern');
      caseUrl = page.url();
      expect(caseUrl).toMatch(/\/antraege\/\w+$/);
      await page.getByText('Vor dem Einreichen fehlt noch:').waitFor();

      for (const kind of ['Kosten- und Finanzierungsplan', 'Satzung', 'Freistellungsbescheid des Finanzamts']) {
        await page.getByLabel('Art der Anlage').selectOption({ label: kind });
        await page.getByLabel('Datei').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF_BYTES });
        await page.getByRole('button', { name: 'Hochladen' }).click();
        await page.getByText(`Die Anlage „${kind}.pdf“ wurde hochgeladen.`).waitFor();
      }
      await snapshot(page, '1-applicant-complete');
      await clickAndWait(page, 'Antrag einreichen');
      await page.getByText('Ihr Antrag ist eingereicht.').waitFor();
    });
    await t.app.services.jobs.drain();
  });

  it('when the coordinator claims it and requests changes, then the provider sees the request and resubmits', async () => {
    await as('coordinator', async (page) => {
      await page.goto(`${base}/antraege?gruppe=neu`);
      await page.getByRole('link', { name: /FRL-2027-/ }).first().click();
      await clickAndWait(page, 'Prüfung übernehmen');
      await page.getByText('Unterlagen oder Angaben nachfordern').click();
      await page.getByLabel('Was fehlt oder ist zu ändern?').fill('Bitte ergänzen Sie die Sachkosten.');
      await page.getByLabel('Frist').fill('2026-12-20');
      await clickAndWait(page, 'Nachforderung stellen');
      await page.getByText('Die Nachforderung ist gestellt').waitFor();
    });
    await as('applicant', async (page) => {
      await page.goto(caseUrl);
      await page.getByText('Nachforderung – bitte bis 20.12.2026 beantworten').waitFor();
      await snapshot(page, '2-applicant-changes-requested');
      await clickAndWait(page, 'Antrag erneut einreichen');
      await page.getByText('Ihr Antrag ist erneut eingereicht.').waitFor();
    });
  });

  it('when the coordinator recommends and the head approves in part, then the provider downloads the grant notice', async () => {
    await as('coordinator', async (page) => {
      await page.goto(caseUrl);
      await page.getByText('Votum abgeben', { exact: true }).first().click();
      await page.getByLabel('Bewilligung empfehlen').check();
      await page.getByLabel('Empfohlener Betrag in Euro').fill('4.000,00');
      await page.getByLabel('Begründung').fill('Guter Bedarf; Honorar etwas hoch.');
      await clickAndWait(page, 'Votum abgeben');
      await page.getByText('Ihr Votum ist gespeichert').waitFor();
    });
    await as('head', async (page) => {
      await page.goto(caseUrl);
      await snapshot(page, '3-head-decision');
      await page.getByLabel('Bewilligter Betrag in Euro').fill('4.000,00');
      await page.getByLabel('Begründung').fill('Das Honorar ist nur bis 4.000,00 € angemessen.');
      await clickAndWait(page, 'Entscheidung treffen');
      await page.getByText('Der Antrag ist bewilligt.').waitFor();
    });
    await t.app.services.jobs.drain();
    await as('applicant', async (page) => {
      await page.goto(caseUrl);
      await snapshot(page, '4-applicant-approved');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Zuwendungsbescheid (PDF)' }).click()]);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(download.suggestedFilename()).toMatch(/^FRL-2027-\d{4}-grant\.pdf$/);
    });
  });
});
