import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { asRole, checkPage, clickAndWait, fillByKeyboard, navigateBy, newFollowedPage, startBrowserApp, type BrowserApp, snapshot, visit, finishPage } from '../support/browser';
import { PDF_BYTES } from '../support/cases';

// Each step drives a real browser through several pages; a loaded CI machine needs more than 30 s.
jest.setTimeout(120_000);

/** The provider who registers in the first step and carries the application through. */
const provider = { email: 'lena.vogel@stadtteilhaus-nord.example', password: 'Ein langer Satz als Passwort 2026' };

describe('an FRL application walked through in a real browser by all roles, every page scanned for accessibility', () => {
  let t: TestApp;
  let base: string;
  let env: BrowserApp;
  let caseUrl: string;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base } = env);
  });
  afterAll(async () => {
    if (env) console.log(`Application journey, accessibility: ${env.audit.summary()}`);
    await env?.close();
  });

  const as = (role: string, steps: (page: Page) => Promise<void>) => asRole(env, role, steps, role === 'applicant' ? provider : undefined);

  it('when a new provider registers and the admin approves the organisation, then the provider can sign in', async () => {
    const { context, page } = await newFollowedPage(env, 'public');
    await visit(page, `${base}/`);
    await navigateBy(page, () => page.getByRole('link', { name: 'Organisation registrieren' }).first().click());
    await clickAndWait(page, 'Registrierung absenden', 'with errors');
    await page.getByLabel('Name der Organisation').fill('Stadtteilhaus Nord e. V.');
    await page.getByLabel('Straße und Hausnummer').fill('Magdeburger Allee 12');
    await page.getByLabel('Postleitzahl').fill('99086');
    await page.getByLabel('Ort', { exact: true }).fill('Erfurt');
    await page.getByLabel('Ihr Name').fill('Lena Vogel');
    await page.getByLabel('Ihre E-Mail-Adresse').fill(provider.email);
    await page.getByLabel('Passwort', { exact: true }).fill(provider.password);
    await page.getByLabel('Passwort wiederholen').fill(provider.password);
    await clickAndWait(page, 'Registrierung absenden');
    await page.getByRole('heading', { name: 'Registrierung eingegangen' }).waitFor();
    await finishPage(page);
    await context.close();

    await asRole(env, 'admin', async (page) => {
      await visit(page, `${base}/admin/organisationen?status=pending`);
      await clickAndWait(page, /^Freigeben\W+Stadtteilhaus Nord/);
      await page.getByText('Stadtteilhaus Nord e. V.', { exact: false }).first().waitFor();
    });
    expect((await t.db.organisation.findFirstOrThrow({ where: { name: 'Stadtteilhaus Nord e. V.' } })).status).toBe('approved');
  });

  it('when the provider fills in the form by keyboard alone, uploads and submits, then the case is submitted', async () => {
    await as('applicant', async (page) => {
      await visit(page, `${base}/antraege/neu`);
      const steps = [
        { label: 'Titel des Projekts', text: 'Familiencafé Ilversgehofen' },
        { label: 'Kurzbeschreibung und Zweck', text: 'Offener Treff für Familien mit kleinen Kindern.' },
        { label: 'Ortsteil', option: 'Ilversgehofen (Planungsraum Nord)' },
        // The demo's open round; "automatic" names it.
        { label: 'Förderrunde', option: 'Automatisch: Förderjahr 2027, Antragsfrist 31.12.2026' },
        { label: 'Handlungsfeld', option: 'Kinder, Jugend und Familie' },
        { label: 'Teilziele (FRL Nr. 1.6.2)', text: 'Familien vernetzen' },
        { label: 'Projektbausteine (FRL Nr. 2.2)', text: 'Wöchentliches Café' },
        { label: 'Beginn', date: '2027-01-01' },
        { label: 'Ende', date: '2027-12-31' },
        { label: 'Fehlbedarfsfinanzierung', radio: true },
        { label: 'Kategorie, Zeile 1', option: 'Personalkosten' },
        { label: 'Beschreibung, Zeile 1', text: 'Fachkraft' },
        // A typing slip the server must catch: the error summary leads back to this field.
        { label: 'Betrag in Euro, Zeile 1', text: 'sechstausend' },
      ];
      await fillByKeyboard(page, steps);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#error-summary');
      await checkPage(page, 'with errors');
      // The cells' labels are visually hidden: the summary names the cell meant.
      expect(await page.locator('#error-summary a').first().textContent()).toMatch(/^Betrag in Euro, Zeile 1: /);
      await snapshot(page, '1-applicant-form-errors');
      // From the focused error summary: Tab to its link, Enter, and the field has the focus.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-costItems.0.amount');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('6.000,00');
      expect(await page.locator('[data-fp-totals]').textContent()).toContain('6.000,00');
      await fillByKeyboard(page, [
        { label: 'Kategorie, Zeile 2' },
        { label: 'Beschreibung, Zeile 2' },
        { label: 'Betrag in Euro, Zeile 2' },
        { label: 'Kategorie, Zeile 3' },
        { label: 'Beschreibung, Zeile 3' },
        { label: 'Betrag in Euro, Zeile 3' },
        { label: 'Speichern und weitere Zeilen anzeigen' },
        { label: 'Eigenmittel in Euro', text: '1.000' },
        { label: 'Drittmittel in Euro' },
        { label: 'Beantragte Zuwendung in Euro', text: '5.000,00' },
        { label: 'Name', text: 'Lena Vogel' },
        { label: 'E-Mail-Adresse', text: provider.email },
      ]);
      expect(await page.locator('[data-fp-totals]').textContent()).toContain('5.000,00');
      // Enter in a text field saves the draft: the form's default button, not "more rows".
      await navigateBy(page, () => page.keyboard.press('Enter'));
      caseUrl = page.url();
      expect(caseUrl).toMatch(/\/antraege\/\w+$/);
      await page.getByText('Vor dem Einreichen fehlt noch:').waitFor();

      for (const kind of ['Kosten- und Finanzierungsplan', 'Satzung', 'Freistellungsbescheid des Finanzamts']) {
        await page.getByLabel('Art der Anlage').selectOption({ label: kind });
        await page.getByLabel('Datei').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF_BYTES });
        await page.getByRole('button', { name: 'Hochladen' }).click();
        await page.getByText(`Die Anlage „${kind}.pdf“ wurde hochgeladen.`).waitFor();
      }
      // The upload script writes the server's answer into the same document: scan it again.
      await checkPage(page, 'after upload');
      await snapshot(page, '1-applicant-complete');
      await clickAndWait(page, 'Antrag einreichen');
      await page.getByText('Ihr Antrag ist eingereicht.').waitFor();
    });
    await t.app.services.jobs.drain();
  });

  it('when the coordinator claims it and requests changes, then the provider edits and resubmits', async () => {
    await as('coordinator', async (page) => {
      await visit(page, `${base}/antraege?gruppe=neu`);
      await navigateBy(page, () => page.getByRole('link', { name: /FRL-2027-/ }).first().click());
      await clickAndWait(page, 'Prüfung übernehmen');
      await page.getByText('Unterlagen oder Angaben nachfordern').click();
      await clickAndWait(page, 'Nachforderung stellen', 'with errors');
      await page.getByLabel('Was fehlt oder ist zu ändern?').fill('Bitte ergänzen Sie die Sachkosten.');
      await page.getByLabel('Frist').fill('2026-12-20');
      await clickAndWait(page, 'Nachforderung stellen');
      await page.getByText('Die Nachforderung ist gestellt').waitFor();
    });
    await as('applicant', async (page) => {
      await visit(page, caseUrl);
      await page.getByText('Nachforderung – bitte bis 20.12.2026 beantworten').waitFor();
      await snapshot(page, '2-applicant-changes-requested');
      await navigateBy(page, () => page.getByRole('link', { name: 'Angaben bearbeiten' }).first().click());
      await fillByKeyboard(page, [
        { label: 'Kategorie, Zeile 2', option: 'Sachkosten' },
        { label: 'Beschreibung, Zeile 2', text: 'Spielmaterial' },
        { label: 'Betrag in Euro, Zeile 2', text: '500,00' },
        { label: 'Kategorie, Zeile 3' },
        { label: 'Beschreibung, Zeile 3' },
        { label: 'Betrag in Euro, Zeile 3' },
        { label: 'Speichern und weitere Zeilen anzeigen' },
        { label: 'Eigenmittel in Euro', text: '1.500' },
      ]);
      // Enter saves the changes and leads back to the case, as the main button would.
      await navigateBy(page, () => page.keyboard.press('Enter'));
      expect(page.url()).toBe(caseUrl);
      await clickAndWait(page, 'Antrag erneut einreichen');
      await page.getByText('Ihr Antrag ist erneut eingereicht.').waitFor();
    });
  });

  it('when the coordinator recommends and the head approves in part, then the provider downloads a notice naming the partial amount', async () => {
    await as('coordinator', async (page) => {
      await visit(page, caseUrl);
      await page.getByText('Votum abgeben', { exact: true }).first().click();
      await page.getByLabel('Bewilligung empfehlen').check();
      await page.getByLabel('Empfohlener Betrag in Euro').fill('4.000,00');
      await page.getByLabel('Begründung').fill('Guter Bedarf; Honorar etwas hoch.');
      await clickAndWait(page, 'Votum abgeben');
      await page.getByText('Ihr Votum ist gespeichert').waitFor();
    });
    await as('head', async (page) => {
      await visit(page, `${base}/antraege`);
      await visit(page, caseUrl);
      await snapshot(page, '3-head-decision');
      await page.getByLabel('Bewilligter Betrag in Euro').fill('4.000,00');
      await page.getByLabel('Begründung').fill('Das Honorar ist nur bis 4.000,00 € angemessen.');
      await clickAndWait(page, 'Entscheidung treffen');
      await page.getByText('Der Antrag ist bewilligt.').waitFor();
    });
    await t.app.services.jobs.drain();
    await as('applicant', async (page) => {
      await visit(page, caseUrl);
      await snapshot(page, '4-applicant-approved');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Zuwendungsbescheid (PDF)' }).click()]);
      const path = (await download.path())!;
      expect(download.suggestedFilename()).toMatch(/^FRL-2027-\d{4}-grant\.pdf$/);
      expect(execFileSync('file', ['--brief', '--mime-type', path]).toString().trim()).toBe('application/pdf');
      const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
      expect(text).toContain('4.000,00');
      expect(text).toMatch(/teilweise|Teil/);
    });
  });
});
