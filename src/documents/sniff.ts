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

export async function sniffAllowedType(bytes: Buffer): Promise<{ ext: string; mediaType: string } | null> {
  const found = await FileType.fromBuffer(bytes);
  if (!found || !(found.ext in allowedTypes)) return null;
  return { ext: found.ext, mediaType: allowedTypes[found.ext]! };
}
