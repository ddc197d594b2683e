/**
 * The report benchmark (issue 8, item 7): every report at 100,000 cases must answer within
 * 500 ms at the 95th percentile. Starts the compiled portal on a fresh database, writes the cases
 * in SQL (bench/lib/report-seed.ts), then asks each report page, API and download one request
 * at a time, as a coordinator or head does, and records the latency percentiles.
 *
 *   npm run bench:reports                          SQLite, 100,000 cases, 40 requests per report
 *   npm run bench:reports -- --db postgres         on the PostgreSQL server of PG_BASE_URL
 *   npm run bench:reports -- --cases 20000 --samples 10
 *
 * Writes bench/results/<timestamp>-reports-<db>.json and prints the table.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client';
import { freshDatabase } from './lib/databases';
import { BEHIND_PROXY, ROOT, startPortal } from './lib/processes';
import { ACCOUNTS, createAccounts, sessionCookie, tokenFor } from './lib/seed';
import { seedReportCases } from './lib/report-seed';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' }, cases: { type: 'string', default: '100000' }, samples: { type: 'string', default: '40' } } });
const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';
const cases = Number(values.cases);
const samples = Number(values.samples);
const LIMIT_MS = 500;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function main() {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const started = new Date();
  console.log(`Report benchmark on ${kind}, ${cases.toLocaleString('en')} cases, ${samples} requests per report, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);
  const database = await freshDatabase(kind, 'reports');
  const portal = await startPortal(database.url);
  const opened = await openDatabase(database.url);
  try {
    const db = opened.client;
    await createAccounts(db);
    const organisation = await db.organisation.findFirstOrThrow();
    const user = await db.user.findFirstOrThrow({ where: { role: 'applicant' } });
    const seedStart = performance.now();
    await seedReportCases(db, kind, cases, organisation.id, user.id);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(`Seeded in ${seedSeconds.toFixed(1)} s`);
    const token = await tokenFor(portal.url, ACCOUNTS.head);
    const cookie = await sessionCookie(portal.url, ACCOUNTS.head);
    const round = await db.fundingRound.findFirstOrThrow({ where: { year: 2027 } });
    const targets: { name: string; path: string; page?: boolean; anonymous?: boolean }[] = [
      { name: 'overview page (budget, map, districts, areas, months)', path: '/berichte?jahr=2027', page: true },
      { name: 'overview page, social-index map', path: `/berichte?runde=${round.id}&farbe=sozialindex`, page: true },
      ...['ortsteil', 'planungsraum', 'sozialindex', 'handlungsfeld'].map((by) => ({ name: `funding page by ${by} (+ decision times)`, path: `/berichte/foerderung?jahr=2027&nach=${by}`, page: true })),
      { name: 'district table as XLSX', path: '/berichte?jahr=2027&tabelle=ortsteile&format=xlsx', page: true },
      ...['district', 'planningArea', 'socialIndexClass', 'fieldOfAction'].map((by) => ({ name: `API funding by ${by}`, path: `/api/v1/reports/funding?year=2027&by=${by}` })),
      { name: 'API funding by district as CSV', path: '/api/v1/reports/funding?year=2027&by=district&format=csv' },
      { name: 'API budget', path: '/api/v1/reports/budget?year=2027' },
      { name: 'API decision times', path: '/api/v1/reports/decision-times?year=2027' },
      { name: 'public funded-projects page (50 a page)', path: '/transparenz?jahr=2027', anonymous: true },
      { name: 'open data JSON (every funded project of the year)', path: '/api/v1/public/funded-projects?year=2027', anonymous: true },
      { name: 'open data CSV (every funded project of the year)', path: '/api/v1/public/funded-projects?year=2027&format=csv', anonymous: true },
    ];
    const rows = [];
    for (const target of targets) {
      const headers: Record<string, string> = target.anonymous ? {} : target.page ? { cookie, ...BEHIND_PROXY } : { authorization: `Bearer ${token}` };
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < samples + 3; i++) {
        const t0 = performance.now();
        const res = await fetch(`${portal.url}${target.path}`, { headers });
        const body = Buffer.from(await res.arrayBuffer());
        const ms = performance.now() - t0;
        if (res.status !== 200) throw new Error(`${target.path}: ${res.status} ${body.toString().slice(0, 300)}`);
        bytes = body.length;
        // The first three warm the caches (template compilation, query plans).
        if (i >= 3) times.push(ms);
      }
      times.sort((a, b) => a - b);
      const row = { report: target.name, path: target.path, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1]!, kb: bytes / 1024 };
      rows.push(row);
      console.log(`${row.p95 <= LIMIT_MS ? 'ok  ' : 'SLOW'} p50 ${row.p50.toFixed(0).padStart(4)} ms  p95 ${row.p95.toFixed(0).padStart(4)} ms  max ${row.max.toFixed(0).padStart(4)} ms  ${row.kb.toFixed(0).padStart(5)} KB  ${row.report}`);
    }
    const slow = rows.filter((r) => r.p95 > LIMIT_MS);
    const result = { started: started.toISOString(), database: kind, cases, samples, cores: cpus().length, load: loadavg(), seedSeconds, limitMs: LIMIT_MS, rows, verdict: slow.length ? 'slow' : 'ok' };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    const file = join(__dirname, 'results', `${started.toISOString().replace(/[:.]/g, '-')}-reports-${kind}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(`${slow.length ? `${slow.length} report(s) over ${LIMIT_MS} ms at p95` : `every report within ${LIMIT_MS} ms at p95`}; written to ${file}`);
    if (slow.length) process.exitCode = 1;
  } finally {
    await opened.close();
    await portal.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
