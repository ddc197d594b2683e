import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Accessibility checks for every page a browser test visits (WCAG 2.1 AA, BITV 2.0): axe-core's
 * rules for the WCAG 2.0/2.1 A and AA tags, plus what axe cannot see on its own (one h1, a
 * distinctive title, the error summary's links and focus, labels, duplicate ids, the footer link
 * to the accessibility statement, a visible focus indicator).
 */

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Read once per test file: about 500 KB that every scan would otherwise re-read.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const APP_NAME = 'Förderportal Soziales';

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface PageScan {
  /** Names the kind of page (role, path with ids replaced, state); scans of one kind count once. */
  key: string;
  url: string;
  title: string;
  findings: Finding[];
}

/** Collects the scans of one test file, so it can report distinct pages and fail on findings. */
export class Audit {
  readonly scans: PageScan[] = [];

  get distinctPages(): string[] {
    return [...new Set(this.scans.map((s) => s.key))].sort();
  }

  add(scan: PageScan): void {
    this.scans.push(scan);
  }

  summary(): string {
    return `${this.distinctPages.length} distinct pages, ${this.scans.length} scans:\n  ${this.distinctPages.join('\n  ')}`;
  }
}

/**
 * Scans the page as it is now and throws on any serious or critical axe violation or failed
 * structural check. axe is injected through the DevTools protocol (page.evaluate), which the
 * page's CSP (script-src 'self', no inline scripts) does not govern, so the CSP stays as in
 * production.
 */
export async function scanPage(page: Page, options: { role?: string; state?: string } = {}): Promise<PageScan> {
  await page.waitForLoadState('load');
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
  const findings: Finding[] = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  findings.push(...(await structuralFindings(page)));
  const title = await page.title();
  const scan: PageScan = { key: pageKey(page.url(), options), url: page.url(), title, findings };
  if (findings.length > 0) {
    throw new Error(`Accessibility findings on ${scan.url} („${title}“):\n${findings.map((f) => `  [${f.impact}] ${f.rule}: ${f.help} → ${f.targets.slice(0, 5).join(', ')}`).join('\n')}`);
  }
  return scan;
}

/** "applicant GET /antraege/:id [Fehler]": ids and references replaced, so one kind of page counts once. */
export function pageKey(url: string, options: { role?: string; state?: string }): string {
  const { pathname, search } = new URL(url);
  const path = pathname.replace(/\/(c[a-z0-9]{20,}|[0-9a-f-]{20,}|[A-Za-z0-9_-]{32,})(?=\/|$)/g, '/:id');
  return [options.role ?? 'public', path + search, options.state].filter(Boolean).join(' ');
}

/** What axe does not check or reports only as "needs review". */
async function structuralFindings(page: Page): Promise<Finding[]> {
  const problems = await page.evaluate((appName) => {
    const found: { rule: string; help: string; targets: string[] }[] = [];
    const add = (rule: string, help: string, targets: string[] = []) => found.push({ rule, help, targets });
    if (document.documentElement.lang !== 'de') add('html-lang-de', `<html lang> is "${document.documentElement.lang}", not "de"`);
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) add('one-h1', `${h1s.length} h1 elements instead of exactly one`);
    const suffix = ` – ${appName}`;
    const pageTitle = document.title.endsWith(suffix) ? document.title.slice(0, -suffix.length).replace(/^Fehler: /, '').trim() : '';
    if (!pageTitle || pageTitle === appName) add('distinctive-title', `<title> "${document.title}" does not name the page before "${suffix}"`);

    const ids = new Map<string, number>();
    document.querySelectorAll('[id]').forEach((el) => ids.set(el.id, (ids.get(el.id) ?? 0) + 1));
    const duplicates = [...ids].filter(([, n]) => n > 1).map(([id]) => `#${id}`);
    if (duplicates.length) add('duplicate-id', 'ids must be unique', duplicates);

    const unlabelled = [...document.querySelectorAll<HTMLElement>('input, select, textarea')]
      .filter((el) => !['hidden', 'submit', 'button', 'reset', 'image'].includes((el as HTMLInputElement).type))
      .filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-labelledby')))
      .map((el) => `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}]`);
    if (unlabelled.length) add('label-element', 'every form field needs a <label> or aria-labelledby', unlabelled);

    if (!document.querySelector('footer a[href="/barrierefreiheit"]')) add('accessibility-statement-link', 'the footer must link to the accessibility statement');

    const summary = document.querySelector<HTMLElement>('[data-fp-error-summary]');
    if (summary) {
      if (document.activeElement !== summary) add('error-summary-focus', `focus is on ${document.activeElement?.tagName}#${document.activeElement?.id}, not on the error summary`);
      const broken = [...summary.querySelectorAll('a')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => !href.startsWith('#') || !document.getElementById(decodeURIComponent(href.slice(1))));
      if (broken.length) add('error-summary-links', 'error summary links must point to the id of a field on the page', broken);
      if (!document.title.startsWith('Fehler: ')) add('error-title', 'a page with errors starts its <title> with "Fehler: "');
    }
    return found;
  }, APP_NAME);
  return problems.map((p) => ({ ...p, impact: 'serious' }));
}

/**
 * Tabs (as a keyboard user would) until an element matching `selector` has the focus, and
 * returns whether the browser draws a visible indicator there (WCAG 2.4.7): an outline of at
 * least 2px or a box-shadow. Programmatic focus would not do: :focus-visible follows the keyboard.
 */
export async function focusIndicatorOf(page: Page, selector: string): Promise<{ element: string; outline: string; boxShadow: string; visible: boolean }> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const outline = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || (style.boxShadow !== 'none' && style.boxShadow !== '');
        return { element: `${el.tagName.toLowerCase()} "${el.textContent?.trim()}"`, outline, boxShadow: style.boxShadow, visible };
      });
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}
