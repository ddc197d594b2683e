import { checkPage, clickAndWait, finishPage, newFollowedPage, setRole, startBrowserApp, type BrowserApp, visit } from '../support/browser';
import { demoAccounts, DEMO_PASSWORD } from '../../src/db/demo-data';

// Each step drives a real browser through several pages; a loaded CI machine needs more than 30 s.
jest.setTimeout(120_000);

describe('signing in with a real browser', () => {
  let base: string;
  let env: BrowserApp;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ base } = env);
  });
  afterAll(async () => {
    if (env) console.log(`Sign-in, accessibility: ${env.audit.summary()}`);
    await env?.close();
  });

  it.each(demoAccounts.map((a) => [a.role, a] as const))('when the %s demo account signs in, then its start page shows its name and no console error', async (_role, account) => {
    const { context, page, errors } = await newFollowedPage(env, 'public');
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await visit(page, `${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(account.email);
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    setRole(page, account.role);
    await clickAndWait(page, 'Anmelden');
    expect(page.url()).toBe(`${base}/`);
    await expectText(page.locator('header'), account.name);
    await expectText(page.locator('main'), 'Sie sind angemeldet.');
    expect(errors).toEqual([]);
    setRole(page, 'public');
    await clickAndWait(page, 'Abmelden', 'signed out');
    await expectText(page.locator('body'), 'Sie haben sich abgemeldet.');
    await finishPage(page);
    await context.close();
  });

  it('when the password is wrong, then the error summary takes the focus and links to the field', async () => {
    const { context, page } = await newFollowedPage(env, 'public');
    await visit(page, `${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(demoAccounts[0]!.email);
    await page.getByLabel('Passwort').fill('falsches-passwort');
    await clickAndWait(page, 'Anmelden', 'wrong password');
    await page.waitForSelector('#error-summary');
    expect(await page.locator(':focus').getAttribute('id')).toBe('error-summary');
    expect(await page.title()).toMatch(/^Fehler: Anmelden/);
    await checkPage(page);
    await finishPage(page);
    await context.close();
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 5000 });
}
