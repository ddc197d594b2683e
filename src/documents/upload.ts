import multer from 'multer';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_CASE = 20;

/**
 * One file per request, held in memory (at most 20 MiB) so it can be sniffed and hashed
 * before anything touches the disk. multer's defaults are unlimited; these are not.
 */
export const singleUpload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 10_000, fieldNameSize: 100 },
  defParamCharset: 'utf8',
}).single('file');
