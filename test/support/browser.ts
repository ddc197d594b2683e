import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app';
import { Audit, scanPage } from './accessibility';
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
  await visit(page, `${base}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${base}/`);
}

/**
 * Pages followed for the accessibility audit: every document a followed page loads must be
 * scanned (checkPage) before the test moves on, or `finishPage` fails the test.
 */
interface Followed {
  audit: Audit;
  role: string;
  loads: string[];
  scanned: Set<number>;
}
const followed = new WeakMap<Page, Followed>();

/** Starts following a page: counts the documents it loads, so none goes unscanned. */
export function followPage(page: Page, audit: Audit, role: string): void {
  const entry: Followed = { audit, role, loads: [], scanned: new Set() };
  page.on('load', () => entry.loads.push(page.url()));
  followed.set(page, entry);
}

/** Changes the role under which a followed page's scans are counted (after signing in). */
export function setRole(page: Page, role: string): void {
  const entry = followed.get(page);
  if (entry) entry.role = role;
}

/** Scans the document now shown for accessibility findings (throws on one), once per document. */
export async function checkPage(page: Page, state?: string): Promise<void> {
  const entry = followed.get(page);
  if (!entry) return;
  await page.waitForLoadState('load');
  // Each document has its own time origin: it tells a new document from one already scanned.
  const documentId = await page.evaluate(() => performance.timeOrigin);
  if (entry.scanned.has(documentId) && !state) return;
  entry.scanned.add(documentId);
  entry.audit.add(await scanPage(page, { role: entry.role, state }));
}

/** Goes to a URL and scans the page. */
export async function visit(page: Page, url: string, state?: string): Promise<void> {
  await page.goto(url);
  await checkPage(page, state);
}

/** Scans the last document and fails if the page loaded any document that was never scanned. */
export async function finishPage(page: Page): Promise<void> {
  const entry = followed.get(page);
  if (!entry) return;
  await checkPage(page);
  if (entry.loads.length > entry.scanned.size) {
    throw new Error(`${entry.loads.length - entry.scanned.size} of ${entry.loads.length} pages were not scanned; loaded: ${entry.loads.join(', ')}`);
  }
}

/** Saves a full-page screenshot when SCREENSHOT_DIR is set, so a person can look at the journey. */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
  /** Every page scanned in this file; a test reports its counts. */
  audit: Audit;
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
    audit: new Audit(),
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/**
 * Runs steps as a demo account (or the given one) in a fresh browser context; every page is
 * scanned for accessibility, and any script error on a page fails the test.
 */
export async function asRole(env: BrowserApp, role: string, steps: (page: Page) => Promise<void>, account?: { email: string; password: string }): Promise<void> {
  const { context, page, errors } = await newFollowedPage(env, 'public');
  const demo = demoAccounts.find((a) => a.role === role);
  if (!account && !demo) throw new Error(`No demo account for ${role}`);
  await signIn(page, env.base, account?.email ?? demo!.email, account?.password ?? DEMO_PASSWORD);
  setRole(page, role);
  await checkPage(page);
  await steps(page);
  await finishPage(page);
  await context.close();
  if (errors.length > 0) throw new Error(`Script errors on the page: ${errors.join('; ')}`);
}

/**
 * A fresh context (German locale, so date fields read TT.MM.JJJJ) with one page whose documents
 * are scanned for the audit under `role`; script errors are collected.
 */
export async function newFollowedPage(env: BrowserApp, role: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'de-DE' });
  // A missing element shows up in seconds here; the 30 s default only delays the report.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  followPage(page, env.audit, role);
  return { context, page, errors };
}

/** Clicks a button, waits for the page it leads to and scans it. */
export async function clickAndWait(page: Page, name: string | RegExp, state?: string): Promise<void> {
  // Wait for the load of the next document: waitForLoadState alone returns at once, since the
  // current document counts as loaded until the navigation has begun.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
  await checkPage(page, state);
}

/** Waits for the document an action leads to (a link followed, a form sent) and scans it. */
export async function navigateBy(page: Page, action: () => Promise<unknown>, state?: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
  await checkPage(page, state);
}

/**
 * One step of filling a form by keyboard: Tab to the next form control, which must carry
 * `label` (so labels and focus order are proven together), then act on it.
 * - text: typed (replacing what was there)
 * - option: a select's option, chosen with the arrow keys
 * - radio: within a radio group, the arrow keys move to this option; Space checks it
 * - date: YYYY-MM-DD, typed as the German date field expects (TT.MM.JJJJ)
 * - none of these: the control is only passed over
 */
export type KeyStep = { label: string; text?: string; option?: string; radio?: boolean; date?: string };

/** The label a sighted user and a screen reader see for the focused control (without "(optional)"). */
async function focusedControl(page: Page): Promise<{ tag: string; type: string; label: string; value: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return { tag: '', type: '', label: '', value: '' };
    const tag = el.tagName.toLowerCase();
    const labelEl = el.labels?.[0]?.cloneNode(true) as HTMLElement | undefined;
    labelEl?.querySelectorAll('.kern-label__optional').forEach((o) => o.remove());
    const label = (labelEl?.textContent ?? el.getAttribute('aria-label') ?? (tag === 'button' || tag === 'a' ? el.textContent : '') ?? '').replace(/\s+/g, ' ').trim();
    const value = tag === 'select' ? ((el as unknown as HTMLSelectElement).selectedOptions[0]?.textContent ?? '').trim() : el.value ?? '';
    return { tag, type: el.type ?? '', label, value };
  });
}

const FORM_CONTROLS = ['input', 'select', 'textarea', 'button'];

/**
 * Fills a form with the keyboard alone, in Tab order. The first step may be some Tabs away (skip
 * link, header, navigation); from then on every form control reached must be the next step.
 */
export async function fillByKeyboard(page: Page, steps: KeyStep[]): Promise<void> {
  let first = true;
  for (const step of steps) {
    let control = await focusedControl(page);
    for (let presses = 0; ; presses++) {
      if (presses > (first ? 60 : 10)) throw new Error(`Tab did not reach „${step.label}“; focus is on ${control.tag} „${control.label}“`);
      const previous = await page.evaluateHandle(() => document.activeElement);
      await page.keyboard.press('Tab');
      // A date field has one Tab stop per part (day, month, year): stay until focus leaves it.
      const sameElement = await page.evaluate((p) => p === document.activeElement, previous);
      await previous.dispose();
      if (sameElement) continue;
      control = await focusedControl(page);
      if (!FORM_CONTROLS.includes(control.tag)) continue;
      if (control.label === step.label) break;
      // Tab enters a radio group on its checked (or first) option; the arrow keys choose within it.
      if (step.radio && control.type === 'radio' && (await moveWithinGroup(page, step.label))) break;
      if (!first) throw new Error(`Expected focus on „${step.label}“ next, but Tab reached ${control.tag} „${control.label}“`);
    }
    first = false;
    await actOn(page, step);
  }
}

async function moveWithinGroup(page: Page, label: string): Promise<boolean> {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await focusedControl(page)).label === label) return true;
  }
  return false;
}

/**
 * The order of a date field's parts follows the browser build's own locale (headless Chromium
 * here: MM/DD/YYYY, whatever the page's language), so ask a scratch page once.
 */
let dateOrder: Promise<'DMY' | 'MDY'> | undefined;
function dateFieldOrder(page: Page): Promise<'DMY' | 'MDY'> {
  dateOrder ??= (async () => {
    const probe = await page.context().newPage();
    await probe.setContent('<input type="date" id="d">');
    await probe.focus('#d');
    await probe.keyboard.type('01022003');
    const value = await probe.evaluate(() => (document.getElementById('d') as HTMLInputElement).value);
    await probe.close();
    return value === '2003-02-01' ? 'DMY' : 'MDY';
  })();
  return dateOrder;
}

async function actOn(page: Page, step: KeyStep): Promise<void> {
  if (step.text !== undefined) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(step.text);
  } else if (step.date !== undefined) {
    const [y, m, d] = step.date.split('-');
    await page.keyboard.type((await dateFieldOrder(page)) === 'DMY' ? `${d}${m}${y}` : `${m}${d}${y}`);
    const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    if (value !== step.date) throw new Error(`Date field „${step.label}“ holds „${value}“ after typing ${step.date}`);
  } else if (step.option !== undefined) {
    for (let i = 0; (await focusedControl(page)).value !== step.option; i++) {
      if (i > 200) throw new Error(`Option „${step.option}“ not found in „${step.label}“`);
      await page.keyboard.press('ArrowDown');
    }
  } else if (step.radio) {
    await page.keyboard.press('Space');
    if (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked))) throw new Error(`Radio „${step.label}“ is not checked`);
  }
}
