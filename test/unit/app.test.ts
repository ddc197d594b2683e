import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The packages a process loaded, once it has loaded the given module of this project. */
function packagesLoadedBy(module: string): string[] {
  const script = `require(${JSON.stringify(module)});
    const names = Object.keys(require.cache).map((f) => /node_modules\\/((@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(names)]));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('what the request thread loads', () => {
  it('when the app is loaded, then the PDF, font, QR code and spreadsheet libraries are not, since only rendering and exports use them', () => {
    const loaded = packagesLoadedBy(join(ROOT, 'src', 'app.ts'));
    expect(loaded).toEqual(expect.arrayContaining(['express', 'zod']));
    for (const heavy of ['pdf-lib', '@pdf-lib/fontkit', 'qrcode', 'exceljs']) expect(loaded).not.toContain(heavy);
  });
});
