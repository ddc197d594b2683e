/**
 * Notices per second: the sample grant (the admin preview's notice) with the seeded Erfurt
 * profile, rendered on this thread (one core) and through the worker pool the outbox uses, and
 * once more with a PNG logo in the profile.
 *
 *   npm run bench:notices [-- --seconds 10]
 */
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { defaultAuthority } from '../src/notices/authority';
import { renderNotice } from '../src/notices/render';
import { createRenderPool } from '../src/notices/render-pool';
import { sampleGrant } from '../src/notices/sample-notice';
import type { Authority, NoticeModel } from '../src/notices/model';
import { imageOf } from '../test/support/images';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const verification = { code: 'K7QX-M2RD-9TZA', url: 'https://foerderportal.erfurt.de/verify/K7QX-M2RD-9TZA' };

async function inline(model: NoticeModel): Promise<number> {
  for (let i = 0; i < 30; i++) await renderNotice(model);
  let count = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < end) {
    await renderNotice(model);
    count++;
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function pooled(model: NoticeModel, threads: number): Promise<number> {
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
    return count / (Number(process.hrtime.bigint() - start) / 1e9);
  } finally {
    await pool.close();
  }
}

async function main() {
  const plain = sampleGrant(defaultAuthority, verification);
  const logo: Authority['logo'] = { mediaType: 'image/png', bytes: new Uint8Array(await imageOf('png', 600, 230)) };
  const withLogo = sampleGrant({ ...defaultAuthority, logo }, verification);
  const pages = (await PDFDocument.load(await renderNotice(plain))).getPageCount();
  const bytes = (await renderNotice(plain)).length;

  const rows = [
    { scenario: 'grant, inline, one core', perSecond: await inline(plain) },
    { scenario: 'grant with PNG logo, inline, one core', perSecond: await inline(withLogo) },
    { scenario: 'grant, worker pool, 1 thread', perSecond: await pooled(plain, 1) },
    { scenario: 'grant, worker pool, 2 threads', perSecond: await pooled(plain, 2) },
  ];
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    seconds,
    notice: { kind: 'grant', pages, bytes },
    targetPerSecondOneCore: 150,
    rows: rows.map((r) => ({ ...r, perSecond: Math.round(r.perSecond * 10) / 10 })),
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const file = join(__dirname, 'results', `notices-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`Grant notice: ${pages} pages, ${bytes} bytes; ${seconds} s per scenario; ${result.cores} cores (${result.cpu})`);
  console.table(result.rows);
  console.log(`written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
