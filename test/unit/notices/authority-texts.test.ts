import { execFileSync } from 'node:child_process';
import { noticeTextsFor } from '../../../src/notices/authority';
import { fillPlaceholders, standardNoticeTexts, unknownPlaceholders } from '../../../src/notices/notice-texts';
import { NoticeModelError, renderNotice, type Authority, type GrantModel } from '../../../src/notices/render';
import { imageOf } from '../../support/images';
import * as fx from './fixtures';
import { flat, pdfText, withPdf } from './pdf-tools';

const address = { name: 'Stadt Musterhausen', department: 'Sozialamt', street: 'Markt 1', postalCode: '12345', city: 'Musterhausen' };

function withAuthority(changes: Partial<Authority>): GrantModel {
  return { ...fx.grant, authority: { ...fx.authority, ...changes } };
}

function imageCount(bytes: Uint8Array): number {
  const out = withPdf(bytes, (file) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }));
  return out.trim().split('\n').length - 2; // two header lines
}

describe('the authority texts of notices', () => {
  it('when a text names the authority by placeholder, then the printed text carries its current data', () => {
    expect(fillPlaceholders('bei der {behoerde}, {amt}, {anschrift}.', address)).toBe('bei der Stadt Musterhausen, Sozialamt, Markt 1, 12345 Musterhausen.');
    expect(noticeTextsFor(address).legalRemedy).toContain('Stadt Musterhausen, Sozialamt, Markt 1, 12345 Musterhausen');
  });

  it('when a text holds a placeholder the portal does not know, then it is named', () => {
    expect(unknownPlaceholders('bei der {behörde} in {ort} und {amt}')).toEqual(['{behörde}', '{ort}']);
    for (const text of Object.values(standardNoticeTexts)) expect(unknownPlaceholders(text)).toEqual([]);
  });

  it('when the authority has its own texts, then the grant prints them, with lines starting "- " as a list', async () => {
    const texts = noticeTextsFor(address, {
      legalRemedy: 'Gegen diesen Bescheid ist binnen eines Monats Widerspruch bei der {behoerde} möglich (Sondertext A).',
      paymentTerms: 'Auszahlung in zwei Raten zum 1. März und 1. September (Sondertext B).',
      proofOfUseTerms: 'Einzureichen sind:\n- ein Sachbericht (Sondertext C)\n- eine Belegliste (Sondertext D)',
      dataProtection: 'Datenschutzhinweis der Stadt Musterhausen (Sondertext E).',
    });
    const text = pdfText(await renderNotice(withAuthority({ texts, proofOfUseMonths: 3 })));
    const flatText = flat(text);
    for (const part of [
      'Widerspruch bei der Stadt Musterhausen möglich (Sondertext A)',
      'Auszahlung in zwei Raten zum 1. März und 1. September (Sondertext B)',
      'Einzureichen sind:',
      'Hinweise zum Datenschutz',
      'Datenschutzhinweis der Stadt Musterhausen (Sondertext E)',
      // Three months after the end of the period (31.12.2027).
      'innerhalb von drei Monaten nach Ablauf des Bewilligungszeitraums, also bis zum 31.03.2028',
    ]) {
      expect(flatText).toContain(flat(part));
    }
    expect(text).toMatch(/•\s+ein Sachbericht \(Sondertext C\)/);
    expect(text).toMatch(/•\s+eine Belegliste \(Sondertext D\)/);
    expect(flatText).not.toContain('Mittelabruf) über das Förderportal Soziales ausgezahlt');
  });

  it('when the legal remedy or another required text is empty, then no grant or rejection is rendered', async () => {
    const empty = { ...fx.authority.texts, legalRemedy: ' ', paymentTerms: '' };
    const grantError = await renderNotice(withAuthority({ texts: empty })).catch((e: unknown) => e);
    expect(grantError).toBeInstanceOf(NoticeModelError);
    expect((grantError as NoticeModelError).problems.some((p) => p.includes('Rechtsbehelfsbelehrung'))).toBe(true);
    expect((grantError as NoticeModelError).problems.some((p) => p.includes('Auszahlungsbestimmungen'))).toBe(true);
    const rejectionError = await renderNotice({ ...fx.rejection, authority: { ...fx.authority, texts: { ...fx.authority.texts, dataProtection: '' } } }).catch((e: unknown) => e);
    expect((rejectionError as NoticeModelError).problems.some((p) => p.includes('Datenschutz'))).toBe(true);
  });

  it('when the proof-of-use period is outside 1 to 24 months, then the grant is refused', async () => {
    const error = await renderNotice(withAuthority({ proofOfUseMonths: 0 })).catch((e: unknown) => e);
    expect((error as NoticeModelError).problems.some((p) => p.includes('Verwendungsnachweis'))).toBe(true);
  });
});

describe('the logo in the letterhead', () => {
  it('when the authority has a PNG or JPEG logo, then page 1 carries it as an image and the text is unchanged', async () => {
    const without = await renderNotice(fx.grant);
    expect(imageCount(without)).toBe(0);
    for (const format of ['png', 'jpeg'] as const) {
      const logo = { mediaType: format === 'png' ? ('image/png' as const) : ('image/jpeg' as const), bytes: new Uint8Array(await imageOf(format, 600, 230)) };
      const bytes = await renderNotice(withAuthority({ logo }));
      expect(imageCount(bytes)).toBe(1);
      expect(flat(pdfText(bytes))).toContain(flat('Landeshauptstadt Erfurt'));
    }
  });
});
