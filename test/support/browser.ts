import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app';
import { demoAccounts, DEMO_PASSWORD, seedDemoData } from '../../src/db/demo-data';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function listen(t: TestApp): Promise<{ server: Server; base: string }> {
  const server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${base}/`);
}

/** Saves a full-page screenshot when SCREENSHOT_DIR is set, so a person can look at the journey. */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** A test app with demo accounts, listening on a free port, and a Chromium to drive it. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await createTestApp();
  await seedDemoData(t.db);
  const { server, base } = await listen(t);
  const browser = await launchBrowser();
  return {
    t,
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** Runs steps as a demo account in a fresh browser context; any script error on a page fails the test. */
export async function asRole(env: BrowserApp, role: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const account = demoAccounts.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  await signIn(page, env.base, account.email, DEMO_PASSWORD);
  await steps(page);
  await context.close();
  if (errors.length > 0) throw new Error(`Script errors on the page: ${errors.join('; ')}`);
}

/** Clicks a button and waits for the page it leads to. */
export async function clickAndWait(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
}
