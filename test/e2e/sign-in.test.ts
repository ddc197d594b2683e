import type { Browser } from 'playwright-core';
import { startBrowserApp, type BrowserApp } from '../support/browser';
import { demoAccounts, DEMO_PASSWORD } from '../../src/db/demo-data';

// Each step drives a real browser through several pages; a loaded CI machine needs more than 30 s.
jest.setTimeout(120_000);

describe('signing in with a real browser', () => {
  let browser: Browser;
  let base: string;
  let env: BrowserApp;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ base, browser } = env);
  });
  afterAll(() => env?.close());

  it.each(demoAccounts.map((a) => [a.role, a] as const))('when the %s demo account signs in, then its start page shows its name and no console error', async (_role, account) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(account.email);
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${base}/`);
    await expectText(page.locator('header'), account.name);
    await expectText(page.locator('main'), 'Sie sind angemeldet.');
    expect(errors).toEqual([]);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expectText(page.locator('body'), 'Sie haben sich abgemeldet.');
    await context.close();
  });

  it('when the password is wrong, then the error summary takes the focus and links to the field', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(demoAccounts[0]!.email);
    await page.getByLabel('Passwort').fill('falsches-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForSelector('#error-summary');
    expect(await page.locator(':focus').getAttribute('id')).toBe('error-summary');
    expect(await page.title()).toMatch(/^Fehler: Anmelden/);
    await page.close();
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 5000 });
}
