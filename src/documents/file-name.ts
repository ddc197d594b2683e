/**
 * A file name fit for display and for Content-Disposition: the last path segment, without
 * control characters, at most 200 characters. It is never used as a path on disk.
 */
export function displayFileName(original: string, fallbackExt: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  // Control and bidirectional-override characters could disguise "rechnung\u202Efdp.exe" as a PDF.
  const clean = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^\.+/, '').trim();
  const name = clean.length > 200 ? clean.slice(0, 200) : clean;
  return name || `anlage.${fallbackExt}`;
}

/** RFC 6266 header value: an ASCII fallback plus the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
