import FileType from 'file-type';

/** The file types the portal accepts, recognised by their content, never by name or header. */
export const allowedTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/**
 * The allowed type the bytes really are, or null. The sniffer parses hostile input (truncated
 * ZIP directories, broken headers) and may throw on it: such a file is simply not one of ours,
 * so the caller answers 415 instead of letting the parser's exception become a 500.
 */
export async function sniffAllowedType(bytes: Buffer): Promise<{ ext: string; mediaType: string } | null> {
  let found: Awaited<ReturnType<typeof FileType.fromBuffer>>;
  try {
    found = await FileType.fromBuffer(bytes);
  } catch {
    return null;
  }
  if (!found || !(found.ext in allowedTypes)) return null;
  return { ext: found.ext, mediaType: allowedTypes[found.ext]! };
}
