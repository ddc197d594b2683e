/**
 * One instance against two on one PostgreSQL database, under the same load through the same
 * nginx: starts two portal processes (compiled, production mode) on a fresh database, nginx with
 * two upstreams (the first instance only, and both), and drives each in turn from a separate
 * autocannon process. Rounds alternate one and two instances, since the machine is shared.
 *
 *   npm run bench:instances                 20 s per load, 2 rounds
 *   npm run bench:instances -- --quick      5 s per load, 1 round
 *   npm run bench:instances -- --rounds 3
 *
 * Needs nginx (apt-get install nginx) and the PostgreSQL server of PG_BASE_URL. Writes
 * bench/results/<timestamp>-instances.json and prints the summary table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { openDatabase } from '../src/db/client';
import { freshDatabase } from './lib/databases';
import type { LoadResult } from './lib/load';
import { nginxFolder, NGINX_BINARY, startNginx } from './lib/nginx';
import { freePort, ROOT, startPortal, type RunningProcess } from './lib/processes';
import { loadFromChild, type ChildLoadOptions } from './lib/remote-load';
import { ACCOUNTS, applicationThrough, cloneCases, createAccounts, sessionCookie, tokenFor, type Tokens } from './lib/seed';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, rounds: { type: 'string' } } });
const seconds = args.quick ? 5 : 20;
const rounds = Number(args.rounds ?? (args.quick ? 1 : 2));
const CONNECTIONS = 50;

/** Fields of /proc/<pid>/stat after the command name: [0] state, [1] parent, [11] user and [12] system ticks. */
function statOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/** CPU seconds a process and its direct children (nginx's workers) have used so far. */
function cpuSeconds(pid: number): number {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(statOf(Number(entry))[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children].reduce((sum, p) => {
    const fields = statOf(p);
    return sum + (Number(fields[11]) + Number(fields[12])) / 100;
  }, 0);
}

/** nginx in front: one port whose upstream is the first instance only, one with both. */
function site(ports: { one: number; two: number }, instances: RunningProcess[]): string {
  const server = (p: RunningProcess) => `    server ${new URL(p.url).host};`;
  const upstream = (name: string, members: RunningProcess[]) => `  upstream ${name} {\n${members.map(server).join('\n')}\n    keepalive 64;\n    keepalive_timeout 4s;\n  }`;
  const front = (port: number, name: string) =>
    `  server {\n    listen 127.0.0.1:${port};\n    client_max_body_size 25m;\n    location / {\n      proxy_pass http://${name};\n      proxy_http_version 1.1;\n      proxy_set_header Connection "";\n      proxy_set_header Host $http_host;\n      proxy_set_header X-Forwarded-For $remote_addr;\n    }\n  }`;
  return [upstream('one', instances.slice(0, 1)), upstream('two', instances), front(ports.one, 'one'), front(ports.two, 'two')].join('\n');
}

interface Run {
  scenario: string;
  instances: 1 | 2;
  round: number;
  result: LoadResult;
  /** CPU seconds each portal process and nginx spent during the load. */
  cpu: { first: number; second: number; nginx: number };
  loadAverage: number;
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version);
  } finally {
    await client.end();
  }
}

async function main() {
  if (!NGINX_BINARY) throw new Error('nginx is needed: apt-get install nginx');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const started = new Date();
  console.log(`One versus two instances on PostgreSQL${args.quick ? ' (quick)' : ''}: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);
  const database = await freshDatabase('postgres', 'instances');
  const instances: RunningProcess[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const db = (await openDatabase(database.url)).client;
  const runs: Run[] = [];
  try {
    instances.push(await startPortal(database.url));
    instances.push(await startPortal(database.url));
    const ports = { one: await freePort(), two: await freePort() };
    nginx = await startNginx({ dir: nginxFolder(), site: site(ports, instances), ports: [ports.one, ports.two] });
    const front = { 1: `http://127.0.0.1:${ports.one}`, 2: `http://127.0.0.1:${ports.two}` } as const;

    await createAccounts(db);
    const base = instances[0]!.url;
    const tokens: Tokens = {
      applicant: await tokenFor(base, ACCOUNTS.applicant),
      coordinator: await tokenFor(base, ACCOUNTS.coordinator),
      head: await tokenFor(base, ACCOUNTS.head),
    };
    const cookie = await sessionCookie(base, ACCOUNTS.coordinator);
    const submitted = await applicationThrough(base, tokens, 'submitted');
    // Enough distinct cases that no transition meets a case already moved, at up to 2,500 a second.
    const perRun = 2_500 * seconds;
    const bearer = { authorization: `Bearer ${tokens.coordinator}` };

    const scenarios: { name: string; options: () => Promise<Omit<ChildLoadOptions, 'url'>> }[] = [
      { name: 'case JSON (GET, token)', options: async () => ({ connections: CONNECTIONS, seconds, headers: bearer, pathTemplate: `/api/v1/applications/{id}`, ids: [submitted] }) },
      { name: 'case page (GET, HTML, cookie)', options: async () => ({ connections: CONNECTIONS, seconds, headers: { cookie }, pathTemplate: `/antraege/{id}`, ids: [submitted] }) },
      {
        name: 'transitions (POST START_REVIEW)',
        options: async () => ({
          connections: CONNECTIONS,
          seconds,
          method: 'POST',
          headers: bearer,
          body: JSON.stringify({ type: 'START_REVIEW' }),
          pathTemplate: '/api/v1/applications/{id}/events',
          ids: await cloneCases(db, submitted, perRun, 'postgres'),
        }),
      },
    ];

    for (const scenario of scenarios) {
      for (let round = 1; round <= rounds; round++) {
        for (const count of [1, 2] as const) {
          const options = await scenario.options();
          const before = { first: cpuSeconds(instances[0]!.pid), second: cpuSeconds(instances[1]!.pid), nginx: cpuSeconds(nginx.pid) };
          const result = await loadFromChild({ ...options, url: front[count] });
          const cpu = {
            first: cpuSeconds(instances[0]!.pid) - before.first,
            second: cpuSeconds(instances[1]!.pid) - before.second,
            nginx: cpuSeconds(nginx.pid) - before.nginx,
          };
          const run: Run = { scenario: scenario.name, instances: count, round, result, cpu, loadAverage: loadavg()[0]! };
          runs.push(run);
          console.log(
            `${scenario.name}, ${count} instance${count === 2 ? 's' : ''}, round ${round}: ${result.perSecond.toFixed(0)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
              `non-2xx ${result.non2xx}, errors ${result.errors}; CPU s ${cpu.first.toFixed(1)} / ${cpu.second.toFixed(1)} / nginx ${cpu.nginx.toFixed(1)}; load ${run.loadAverage.toFixed(2)}`,
          );
        }
      }
    }

    const summary = scenarios.map(({ name }) => {
      const mean = (count: 1 | 2, pick: (r: Run) => number) => {
        const of = runs.filter((r) => r.scenario === name && r.instances === count);
        return of.reduce((s, r) => s + pick(r), 0) / of.length;
      };
      const one = mean(1, (r) => r.result.perSecond);
      const two = mean(2, (r) => r.result.perSecond);
      return {
        scenario: name,
        'one: req/s': Math.round(one),
        'one: p99 ms': Math.round(mean(1, (r) => r.result.p99)),
        'two: req/s': Math.round(two),
        'two: p99 ms': Math.round(mean(2, (r) => r.result.p99)),
        'two / one': Number((two / one).toFixed(2)),
        // Where the time went: if one instance already gets all the CPU the machine has left, a second cannot add any.
        'one: portal CPU s': Number(mean(1, (r) => r.cpu.first + r.cpu.second).toFixed(1)),
        'two: portal CPU s': Number(mean(2, (r) => r.cpu.first + r.cpu.second).toFixed(1)),
        'non-2xx': runs.filter((r) => r.scenario === name).reduce((s, r) => s + r.result.non2xx + r.result.errors, 0),
      };
    });
    const result = {
      date: started.toISOString(),
      secondsPerLoad: seconds,
      rounds,
      connections: CONNECTIONS,
      machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverageAtEnd: loadavg() },
      versions: {
        node: process.version,
        postgres: await postgresVersion(database.url),
        // nginx -v answers on stderr.
        nginx: spawnSync(NGINX_BINARY, ['-v'], { encoding: 'utf8' }).stderr.trim(),
      },
      summary,
      runs,
    };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    const file = join(__dirname, 'results', `${started.toISOString().replace(/[:.]/g, '-')}-instances${args.quick ? '-quick' : ''}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.table(summary);
    console.log(`written to ${file}`);
  } finally {
    await nginx?.stop();
    for (const instance of instances) await instance.stop();
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
