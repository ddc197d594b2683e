/**
 * Notices per second: the sample grant (the admin preview's notice) with the seeded Erfurt
 * profile, rendered on this thread (one core) and through the worker pool the outbox uses, and
 * once more with a PNG logo in the profile.
 *
 *   npm run bench:notices [-- --seconds 10]
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { defaultAuthority } from '../src/notices/authority';
import { renderNotice } from '../src/notices/render';
import { createRenderPool } from '../src/notices/render-pool';
import { sampleGrant } from '../src/notices/sample-notice';
import type { Authority, NoticeModel } from '../src/notices/model';
import { imageOf } from '../test/support/images';

const verification = { code: 'K7QX-M2RD-9TZA', url: 'https://foerderportal.erfurt.de/verify/K7QX-M2RD-9TZA' };

/**
 * Notices per second of wall time, and per second of this process's CPU time: on a machine
 * shared with other work the second stays close to what an idle core achieves.
 */
async function inline(model: NoticeModel, seconds: number): Promise<{ perSecond: number; perCpuSecond: number }> {
  for (let i = 0; i < 30; i++) await renderNotice(model);
  let count = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < end) {
    await renderNotice(model);
    count++;
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { perSecond: count / wall, perCpuSecond: count / ((used.user + used.system) / 1e6) };
}

async function pooled(model: NoticeModel, threads: number, seconds: number): Promise<{ perSecond: number }> {
  const pool = createRenderPool({ threads });
  try {
    await Promise.all(Array.from({ length: 30 * threads }, () => pool.render(model)));
    let count = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(seconds * 1e9);
    const worker = async () => {
      while (process.hrtime.bigint() < end) {
        await pool.render(model);
        count++;
      }
    };
    await Promise.all(Array.from({ length: threads * 4 }, worker));
    return { perSecond: count / (Number(process.hrtime.bigint() - start) / 1e9) };
  } finally {
    await pool.close();
  }
}

/** Renders the sample grant for `seconds` per scenario; the figures as bench/results stores them. */
export async function measureNotices(seconds: number) {
  const plain = sampleGrant(defaultAuthority, verification);
  const logo: Authority['logo'] = { mediaType: 'image/png', bytes: new Uint8Array(await imageOf('png', 600, 230)) };
  const withLogo = sampleGrant({ ...defaultAuthority, logo }, verification);
  const pages = (await PDFDocument.load(await renderNotice(plain))).getPageCount();
  const bytes = (await renderNotice(plain)).length;

  const rows = [
    { scenario: 'grant, inline, one core', ...(await inline(plain, seconds)) },
    { scenario: 'grant with PNG logo, inline, one core', ...(await inline(withLogo, seconds)) },
    { scenario: 'grant, worker pool, 1 thread', ...(await pooled(plain, 1, seconds)) },
    { scenario: 'grant, worker pool, 2 threads', ...(await pooled(plain, 2, seconds)) },
  ];
  const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    seconds,
    notice: { kind: 'grant', pages, bytes },
    targetPerSecondOneCore: 150,
    loadAverage: loadavg()[0] ?? 0,
    rows: rows.map((r) => ({ scenario: r.scenario, perSecond: round(r.perSecond), perCpuSecond: round('perCpuSecond' in r ? r.perCpuSecond : undefined) })),
  };
}

async function main() {
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
  const result = await measureNotices(seconds);
  const { pages, bytes } = result.notice;
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const file = join(__dirname, 'results', `notices-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`Grant notice: ${pages} pages, ${bytes} bytes; ${seconds} s per scenario; ${result.cores} cores (${result.cpu}), load ${result.loadAverage.toFixed(2)}`);
  console.table(result.rows);
  console.log(`written to ${file}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
