import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create } from 'qrcode';
import { NoticeModelError, renderNotice, type NoticeModel } from '../../../src/notices/render';
import { QR_MASK_PATTERN, qrModuleRuns } from '../../../src/notices/verification-mark';
import * as fx from './fixtures';
import { flat, pdfInfo, pdfReadingText, pdfText, pdfWordBoxes } from './pdf-tools';

const MM = 72 / 25.4;
const PAGE_HEIGHT = 841.89;
const RIGHT = 595.28 - 20 * MM;

const kinds: Array<[string, NoticeModel]> = [
  ['receipt', fx.receipt],
  ['request_for_changes', fx.requestForChanges],
  ['grant', fx.grant],
  ['rejection', fx.rejection],
  ['statement', fx.statement],
];

/** Renders the bottom right of page 1 (where the verification block is) to PNG and decodes it with zbarimg. */
function decodeQr(bytes: Uint8Array, dpi = 150): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'notice-qr-'));
  try {
    const file = path.join(dir, 'notice.pdf');
    writeFileSync(file, bytes);
    const px = (pt: number): number => Math.round((pt * dpi) / 72);
    // From the information block's left edge (125 mm) to the page edge, the bottom 70 mm.
    const x = px(120 * MM);
    const y = px(PAGE_HEIGHT - 70 * MM);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', '-x', String(x), '-y', String(y), '-W', String(px(595.28) - x), '-H', String(px(PAGE_HEIGHT) - y), file, path.join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const out = execFileSync('zbarimg', ['--quiet', '--raw', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter((line) => line !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('verification mark', () => {
  it.each(kinds)('when a %s is rendered, then page 1 shows "Echtheit prüfen:", the code and the URL', async (_kind, model) => {
    // Reading order: the block's lines stay together even beside the signature.
    const page1 = pdfReadingText(await renderNotice(model)).split('\f')[0]!;
    expect(page1).toContain('Echtheit prüfen:');
    expect(page1).toContain(model.verification.code);
    // The URL may wrap: compare without whitespace.
    expect(page1.replace(/\s+/g, '')).toContain(model.verification.url);
  });

  it.each(kinds)('when a %s is rendered, then the QR code on page 1 decodes to the verification URL (zbarimg)', async (_kind, model) => {
    expect(decodeQr(await renderNotice(model))).toEqual([model.verification.url]);
  });

  it('when the URL is as long as allowed (200 characters), then the QR code still decodes and the text stays in its column', async () => {
    const url = `https://portal.example/verify/${'A1B2C3D4E5'.repeat(17)}`;
    expect(url.length).toBe(200);
    const model = { ...fx.receipt, verification: { code: 'LONG-URL1-TEST', url } };
    const bytes = await renderNotice(model);
    expect(decodeQr(bytes, 300)).toEqual([url]);
    expect(pdfReadingText(bytes).replace(/\s+/g, '')).toContain(url);
    const outside = pdfWordBoxes(bytes).filter((w) => w.xMin < 25 * MM - 1 || w.xMax > RIGHT + 1 || w.yMin > PAGE_HEIGHT - 10 * MM);
    expect(outside).toEqual([]);
  });

  it('when the QR code is built, then the merged runs cover exactly the dark modules', () => {
    const url = fx.grant.verification.url;
    const { modules } = create(url, { errorCorrectionLevel: 'M', maskPattern: QR_MASK_PATTERN });
    const { size, runs } = qrModuleRuns(url);
    expect(size).toBe(modules.size);
    const dark = new Set<string>();
    for (const run of runs) {
      expect(run.length).toBeGreaterThan(0);
      for (let c = run.col; c < run.col + run.length; c++) dark.add(`${run.row},${c}`);
    }
    let expected = 0;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        if (modules.get(r, c)) {
          expected++;
          expect(dark.has(`${r},${c}`)).toBe(true);
        }
      }
    }
    expect(dark.size).toBe(expected);
    // Runs are maximal: fewer rectangles than dark modules.
    expect(runs.length).toBeLessThan(expected);
  });

  it('when any notice is rendered, then no text lies on the QR code or its quiet zone', async () => {
    const qrSize = 23 * MM;
    for (const [, model] of [...kinds, ['long', fx.longGrant()] as [string, NoticeModel]]) {
      const { size } = qrModuleRuns(model.verification.url);
      const quiet = Math.max((4 * qrSize) / size, 3 * MM);
      const top = PAGE_HEIGHT - (24 * MM + quiet + qrSize); // from the top, as pdftotext reports
      const words = pdfWordBoxes(await renderNotice(model)).filter(
        (w) => w.page === 1 && w.xMax > RIGHT - qrSize - quiet && w.yMin < top + qrSize + quiet && w.yMin > top - quiet - 8,
      );
      expect(words).toEqual([]);
    }
  });

  it('when a notice runs over several pages, then continuation pages show the code in the footer', async () => {
    const bytes = await renderNotice(fx.grant);
    const pages = pdfText(bytes).split('\f').filter((p) => p.trim() !== '');
    expect(Number(pdfInfo(bytes).Pages)).toBeGreaterThan(1);
    expect(pages[0]).not.toContain('Prüfcode');
    for (const page of pages.slice(1)) expect(flat(page)).toContain(`Prüfcode ${fx.grant.verification.code}`);
  });

  it('when a short letter ends, then the signature stands beside the verification block on page 1', async () => {
    const bytes = await renderNotice(fx.receipt);
    expect(Number(pdfInfo(bytes).Pages)).toBe(1);
    expect(flat(pdfReadingText(bytes))).toContain(
      'Mit freundlichen Grüßen Im Auftrag Ayşe Yılmaz Dieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
    );
    // The signature ends left of the block's text column (125 mm).
    const signature = pdfWordBoxes(bytes).filter((w) => w.yMin > PAGE_HEIGHT / 2 && ['Auftrag', 'Yılmaz', 'Unterschrift', 'gültig.'].includes(w.word));
    expect(signature.length).toBeGreaterThanOrEqual(4);
    for (const word of signature) expect(word.xMax).toBeLessThan(125 * MM);
  });

  it('when two notices differ only in the verification, then the bytes differ', async () => {
    const a = await renderNotice(fx.receipt);
    const b = await renderNotice({ ...fx.receipt, verification: fx.verification('ZZZZ-9999-YYYY') });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});

describe('incomplete verification', () => {
  const problems = async (model: NoticeModel): Promise<string[]> => {
    const error = await renderNotice(model).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoticeModelError);
    return (error as NoticeModelError).problems;
  };

  it.each(kinds)('when a %s has no verification, then rendering throws naming it', async (_kind, model) => {
    const { verification: _omit, ...rest } = model;
    expect(await problems(rest as NoticeModel)).toEqual(['verification (Prüfcode und Prüfadresse) is missing']);
  });

  it('when code or URL is blank, then rendering throws naming each', async () => {
    expect(await problems({ ...fx.grant, verification: { code: ' ', url: '' } })).toEqual([
      'verification.code (Prüfcode) is missing',
      'verification.url (Prüfadresse) is missing',
    ]);
    expect(await problems({ ...fx.rejection, verification: { code: 'A8LH-2NVB-6ZJS', url: undefined as unknown as string } })).toEqual([
      'verification.url (Prüfadresse) is missing',
    ]);
  });

  it('when the URL is too long for a scannable QR code, then rendering throws', async () => {
    const url = `https://portal.example/verify/${'x'.repeat(171)}`;
    expect(await problems({ ...fx.receipt, verification: { code: 'K7QF-93XM-2PLA', url } })).toEqual([
      'verification.url (Prüfadresse) is longer than 200 characters',
    ]);
  });
});
