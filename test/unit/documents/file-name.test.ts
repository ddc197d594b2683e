import { contentDisposition, displayFileName } from '../../../src/documents/file-name';

describe('displayFileName', () => {
  it.each([
    ['Kostenplan 2027.pdf', 'pdf', 'Kostenplan 2027.pdf'],
    ['rechnung.exe', 'pdf', 'rechnung.pdf'],
    ['foto.pdf', 'png', 'foto.png'],
    ['Satzung', 'pdf', 'Satzung.pdf'],
    ['archiv.tar.gz', 'pdf', 'archiv.tar.pdf'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\ich\\Satzung.docx', 'docx', 'Satzung.docx'],
    ['rechnung\u202Efdp.exe', 'pdf', 'rechnungfdp.pdf'],
    ['a\u0000b\u0007c.pdf', 'pdf', 'abc.pdf'],
    ['.htaccess', 'pdf', 'htaccess.pdf'],
    ['...', 'pdf', 'anlage.pdf'],
    ['', 'jpg', 'anlage.jpg'],
    ['   ', 'pdf', 'anlage.pdf'],
    ['Übersicht – Träger.pdf', 'pdf', 'Übersicht – Träger.pdf'],
  ])('when the name is %j and the bytes are %s, then it is shown as %j', (original, ext, expected) => {
    expect(displayFileName(original, ext)).toBe(expected);
  });

  it('when the name is longer than 200 characters, then it is cut to 200 with the real extension', () => {
    expect(displayFileName(`${'x'.repeat(1000)}.exe`, 'pdf')).toBe(`${'x'.repeat(196)}.pdf`);
  });

  it('when the cut falls inside characters outside the BMP, then it cuts between whole characters', () => {
    const name = displayFileName(`a${'😀'.repeat(300)}.pdf`, 'pdf');
    expect([...name]).toHaveLength(200);
    expect(name).toBe(`a${'😀'.repeat(195)}.pdf`);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('when a name decomposes its umlauts, then it is stored composed (NFC)', () => {
    expect(displayFileName('Tra\u0308ger.pdf', 'pdf')).toBe('Träger.pdf');
  });
});

describe('contentDisposition', () => {
  it('when the name has quotes and umlauts, then the header has a safe ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Träger "A".pdf')).toBe(`attachment; filename="Tra_ger _A_.pdf"; filename*=UTF-8''Tr%C3%A4ger%20%22A%22.pdf`);
  });
});
