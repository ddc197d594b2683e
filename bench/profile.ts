/**
 * One load with V8's sampling profiler on, and where the server's CPU went, grouped by package
 * (and the portal's own folders): the tool the benchmark's misses were investigated with.
 *
 *   npm run bench:profile -- transitions        START_REVIEW on distinct cases (token)
 *   npm run bench:profile -- page               one case page (session cookie)
 *   npm run bench:profile -- json               one case as JSON (token)
 *   npm run bench:profile -- shell              a signed-in page without data (/datenschutz)
 *   npm run bench:profile -- floor-transition   the transition's floor (bench/ceiling-server.ts)
 *   npm run bench:profile -- floor-page         the case page's floor
 *   npm run bench:profile -- floor-render       the case page rendered, its data loaded once
 *   npm run bench:profile -- page --seconds 20 --top 40 --db postgres
 *
 * Keeps the .cpuprofile in bench/results/ for Chrome's DevTools.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client';
import { freshDatabase } from './lib/databases';
import { load, type LoadOptions } from './lib/load';
import { ROOT, startCeiling, startPortal } from './lib/processes';
import { summariseProfile, type CpuProfile } from './lib/profile-summary';
import { ACCOUNTS, applicationThrough, cloneCases, createAccounts, sessionCookie, sessionIdOf, tokenFor } from './lib/seed';

const SCENARIOS = ['transitions', 'page', 'json', 'shell', 'floor-transition', 'floor-page', 'floor-render'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string', default: '10' }, db: { type: 'string', default: 'sqlite' }, top: { type: 'string', default: '25' } },
});
const scenario = (positionals[0] ?? 'transitions') as Scenario;
const kind = args.db === 'postgres' ? 'postgres' : 'sqlite';
const seconds = Number(args.seconds);
const CONNECTIONS = 50;

async function main() {
  if (!SCENARIOS.includes(scenario)) throw new Error(`unknown scenario ${scenario}: ${SCENARIOS.join(', ')}`);
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const results = join(ROOT, 'bench', 'results');
  const dir = join(results, `profile-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const profiling = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  const floor = scenario.startsWith('floor-');
  const database = await freshDatabase(kind, 'profile');
  // The portal seeds the accounts and the case either way; a floor is then profiled on its database.
  const portal = await startPortal(database.url, {}, floor ? [] : profiling);
  const db = (await openDatabase(database.url)).client;
  let target: string;
  try {
    await createAccounts(db);
    const tokens = {
      applicant: await tokenFor(portal.url, ACCOUNTS.applicant),
      coordinator: await tokenFor(portal.url, ACCOUNTS.coordinator),
      head: await tokenFor(portal.url, ACCOUNTS.head),
    };
    const submitted = await applicationThrough(portal.url, tokens, 'submitted');
    const cookie = await sessionCookie(portal.url, ACCOUNTS.coordinator);
    const ids = scenario.includes('transition') ? await cloneCases(db, submitted, 20_000, kind) : [];
    const bearer = { authorization: `Bearer ${tokens.coordinator}` };
    const server = floor ? await startCeiling(database.url, profiling) : portal;
    let i = 0;
    const transition = (path: (id: string) => string): Partial<LoadOptions> => ({
      method: 'POST', headers: bearer, next: () => ({ path: path(ids[i++ % ids.length]!), body: JSON.stringify({ type: 'START_REVIEW' }) }),
    });
    const loads: Record<Scenario, Partial<LoadOptions>> = {
      transitions: transition((id) => `/api/v1/applications/${id}/events`),
      page: { url: `${server.url}/antraege/${submitted}`, headers: { cookie } },
      json: { url: `${server.url}/api/v1/applications/${submitted}`, headers: bearer },
      shell: { url: `${server.url}/datenschutz`, headers: { cookie } },
      'floor-transition': transition((id) => `/floor/transition/${id}`),
      'floor-page': { url: `${server.url}/floor/page/${submitted}`, headers: { 'x-session-id': sessionIdOf(cookie) } },
      'floor-render': { url: `${server.url}/floor/render/${submitted}`, headers: { 'x-session-id': sessionIdOf(cookie) } },
    };
    const before = server.cpuSeconds();
    const result = await load({ url: server.url, connections: CONNECTIONS, seconds, ...loads[scenario] });
    const cpuMs = ((server.cpuSeconds() - before) * 1000) / Math.max(1, result.requests);
    console.log(`${scenario}: ${result.perSecond.toFixed(0)}/s, p99 ${result.p99} ms, ${cpuMs.toFixed(2)} CPU-ms a request, non-2xx ${result.non2xx}`);
    if (floor) await server.stop();
    target = join(results, `profile-${scenario}-${Date.now()}.cpuprofile`);
  } finally {
    await db.$disconnect();
    await portal.stop();
    await database.drop();
  }
  // The main thread writes its profile at exit; the render thread, if it ran, writes its own.
  const written = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  const main = written.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (!main) throw new Error('no profile written');
  renameSync(main, target);
  const summary = summariseProfile(JSON.parse(readFileSync(target, 'utf8')) as CpuProfile, ROOT);
  console.log(`\nself time by place (main thread, ${summary.totalMs.toFixed(0)} ms sampled; ${target}):`);
  for (const group of summary.groups.slice(0, Number(args.top))) {
    console.log(`${group.share.toFixed(1).padStart(5)} %  ${group.name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
