const MAX_NAME_CHARACTERS = 200;

// Control and bidirectional-override characters could disguise "rechnung\u202Efdp.exe" as a PDF.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A file name fit for display and for Content-Disposition: the last path segment without
 * control characters, ending in the extension of the type the bytes really are ("rechnung.exe"
 * holding a PDF becomes "rechnung.pdf"), so a download never opens in the program its claimed
 * name suggests. At most 200 characters, cut between whole characters (never inside a
 * surrogate pair). It is never used as a path on disk.
 */
export function displayFileName(original: string, realExt: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const clean = base.replace(INVISIBLE, '').replace(/^[.\s]+/, '').trim();
  const stem = clean.replace(/\.[^.]*$/, '');
  const room = MAX_NAME_CHARACTERS - realExt.length - 1;
  const cut = Array.from(stem).slice(0, room).join('').replace(/[.\s]+$/, '');
  return `${cut || 'anlage'}.${realExt}`;
}

/** RFC 6266 header value: an ASCII fallback plus the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
