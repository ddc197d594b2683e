import { hashPassword } from '../../src/accounts/passwords';
import type { Db } from '../../src/db/client';
import { BEHIND_PROXY } from './processes';
import { recountCases } from '../../src/cases/case-counts';
import { optimizeQueryPlans } from '../../src/db/optimize';

export const PASSWORD = 'Bench-Passwort-2026';
export const ACCOUNTS = {
  applicant: 'traeger@bench.example',
  coordinator: 'koordination@bench.example',
  head: 'amtsleitung@bench.example',
} as const;

/** A provider organisation with one member, a coordinator and a head, written directly. */
export async function createAccounts(db: Db): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  const organisation = await db.organisation.create({
    data: { name: 'Bench-Brücke e.V.', street: 'Markt 1', postalCode: '99084', city: 'Erfurt', status: 'approved', approvedAt: new Date() },
  });
  await db.user.create({ data: { email: ACCOUNTS.applicant, name: 'Bench Träger', role: 'applicant', passwordHash, organisationId: organisation.id } });
  await db.user.create({ data: { email: ACCOUNTS.coordinator, name: 'Bench Koordination', role: 'coordinator', passwordHash } });
  await db.user.create({ data: { email: ACCOUNTS.head, name: 'Bench Amtsleitung', role: 'head', passwordHash } });
}

export async function tokenFor(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 201) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The session id in express-session's signed cookie ("name=s%3A<id>.<signature>"). */
export function sessionIdOf(cookie: string): string {
  return decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).replace(/^s:/, '').replace(/\.[^.]*$/, '');
}

/** Signs in through the form as a browser does and returns the session cookie. */
export async function sessionCookie(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/anmelden`, { headers: BEHIND_PROXY });
  const first = page.headers.getSetCookie()[0]!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: first, ...BEHIND_PROXY },
    body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrf }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in of ${email}: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

export const application = {
  title: 'Nachbarschaftscafé am Roten Berg',
  summary: 'Ein offener Treffpunkt für alle Generationen im Ortsteil Roter Berg.',
  district: 'Roter Berg',
  fieldOfAction: 'Nachbarschaft und Begegnung',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  financingType: 'deficit',
  costItems: [
    { category: 'personnel', description: 'Sozialpädagogische Fachkraft, 10 Wochenstunden', amount: '9000.00' },
    { category: 'material', description: 'Miete und Material', amount: '3000.00' },
  ],
  ownFunds: '1000.00',
  thirdPartyFunds: '500.00',
  requestedAmount: '10500.00',
  subGoals: ['Begegnung zwischen Generationen fördern'],
  projectElements: ['Wöchentliches Erzählcafé'],
  contactName: 'Ayşe Yılmaz',
  contactEmail: 'ayse@verein.example',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function api(base: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
}

export type Tokens = Record<keyof typeof ACCOUNTS, string>;

/** One application through the API up to `until`, as providers and coordinators make them. */
export async function applicationThrough(base: string, tokens: Tokens, until: 'submitted' | 'awaiting_decision' | 'approved'): Promise<string> {
  const { id } = (await api(base, tokens.applicant, 'POST', '/api/v1/applications', application)) as { id: string };
  for (const kind of ['cost_plan', 'statutes', 'tax_exemption']) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
    const res = await fetch(`${base}/api/v1/applications/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.applicant}` }, body: form });
    if (res.status !== 201) throw new Error(`attach: ${res.status} ${await res.text()}`);
  }
  const event = (token: string, body: object) => api(base, token, 'POST', `/api/v1/applications/${id}/events`, body);
  await event(tokens.applicant, { type: 'SUBMIT' });
  if (until === 'submitted') return id;
  await event(tokens.coordinator, { type: 'START_REVIEW' });
  await event(tokens.coordinator, { type: 'RECOMMEND', recommendation: 'approve', amount: '10500.00', rationale: 'Erfüllt alle Kriterien.' });
  if (until === 'awaiting_decision') return id;
  await event(tokens.head, { type: 'APPROVE', amount: '10500.00', rationale: 'Förderfähig.' });
  return id;
}

const COPIED = [
  'kind', 'organisationId', 'state', 'machineVersion', 'context', 'version', 'districtId', 'data', 'totalCostCents', 'requestedCents',
  'recommendedCents', 'approvedCents', 'reviewerId', 'decidedById', 'dueDate', 'deadline', 'submittedAt', 'decidedAt', 'createdById',
].map((c) => `"${c}"`);

let cloned = 0;

/**
 * Copies the case `templateId` `count` times, with its state and workflow snapshot, in SQL on the
 * database itself: how the scale scenarios reach a million cases in a minute or two. Copies get
 * references with a "B" the portal's counters never produce and change times a second apart; the
 * kept case counts and SQLite's planner statistics are rebuilt afterwards, as the copies bypass
 * the use cases.
 */
export async function cloneCases(db: Db, templateId: string, count: number, kind: 'sqlite' | 'postgres'): Promise<string[]> {
  if (!/^[a-z0-9]+$/.test(templateId)) throw new Error(`not a case id: ${templateId}`);
  const first = cloned;
  const base = Math.floor(Date.now() / 1000) - 2 * 10 ** 6;
  const batch = 100_000;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const from = first + start;
    const sql =
      kind === 'sqlite'
        ? `WITH RECURSIVE seq(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM seq WHERE i < ${from + n - 1})
           INSERT INTO "Case" ("id", "reference", "title", "createdAt", "updatedAt", ${COPIED.join(', ')})
           SELECT 'bench' || printf('%09d', i), 'FRL-2027-B' || printf('%07d', i), "title" || ' ' || i,
                  strftime('%Y-%m-%dT%H:%M:%f+00:00', ${base} + i, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%f+00:00', ${base} + i, 'unixepoch'),
                  ${COPIED.join(', ')}
           FROM seq, "Case" WHERE "id" = '${templateId}'`
        : `INSERT INTO "Case" ("id", "reference", "title", "createdAt", "updatedAt", ${COPIED.join(', ')})
           SELECT 'bench' || lpad(i::text, 9, '0'), 'FRL-2027-B' || lpad(i::text, 7, '0'), "title" || ' ' || i,
                  to_timestamp(${base} + i), to_timestamp(${base} + i), ${COPIED.join(', ')}
           FROM generate_series(${from}, ${from + n - 1}) AS i, "Case" WHERE "id" = '${templateId}'`;
    await db.$executeRawUnsafe(sql);
  }
  cloned += count;
  await db.$transaction((tx) => recountCases(tx));
  // What the server's hourly statistics refresh would find after such a bulk load.
  await optimizeQueryPlans({ client: db, provider: kind === 'sqlite' ? 'sqlite' : 'postgresql' });
  // And what PostgreSQL's autovacuum, on by default but off on this machine's test server, would
  // have done by then: mark the pages all-visible, without which an index-only scan (the inbox's
  // count of a reviewer's cases) still reads every row from the table.
  if (kind === 'postgres') await db.$executeRawUnsafe('VACUUM "Case"');
  return Array.from({ length: count }, (_, i) => `bench${String(first + i).padStart(9, '0')}`);
}
