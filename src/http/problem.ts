import { AppError, errorStatus, type FieldError } from './errors';
import { t } from '../i18n/t';
import { isDatabaseUnavailable } from '../db/unavailable';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  retryAfter?: number;
}

/** Seconds a client is asked to wait while the database is away. */
const DATABASE_RETRY_AFTER = 30;

const knownStatuses = new Set<number>([...Object.values(errorStatus), 500]);

function titleOf(status: number): string {
  return t(`errors.${knownStatuses.has(status) ? status : 500}.title`);
}

function problemType(name: string): string {
  return `/problems/${name.replace(/_/g, '-')}`;
}

/** Turns anything thrown into the one error shape; unknown errors become a 500 without details. */
export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    return {
      type: problemType(error.type ?? error.code),
      title: titleOf(error.status),
      status: error.status,
      detail: error.message,
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    };
  }
  const e = error as { type?: string; code?: string; status?: number } | null;
  if (isDatabaseUnavailable(error)) return { ...simple(503, 'unavailable', t('errors.503.detail')), retryAfter: DATABASE_RETRY_AFTER };
  if (e?.code === 'LIMIT_FILE_SIZE') return simple(413, 'payload_too_large', t('documents.tooLarge'));
  if (e?.code?.startsWith('LIMIT_')) return simple(400, 'malformed', t('documents.uploadMalformed'));
  if (e instanceof Error && /^(Unexpected end of form|Multipart: Boundary not found|Malformed part header)/.test(e.message)) {
    return simple(400, 'malformed', t('documents.uploadMalformed'));
  }
  if (e?.type === 'entity.parse.failed') return simple(400, 'malformed', t('errors.invalidJson'));
  if (e?.type === 'entity.too.large') return simple(413, 'payload_too_large', t('errors.413.detail'));
  if (e?.code === 'EBADCSRFTOKEN') return simple(403, 'csrf', t('errors.csrf'));
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return simple(415, 'unsupported_media_type', t('errors.415.detail'));
  }
  // Errors from Express and its parsers that say they are the client's (a bad URL encoding, …).
  const exposed = error as { expose?: boolean; status?: number } | null;
  if (exposed?.expose !== false && typeof exposed?.status === 'number' && exposed.status >= 400 && exposed.status < 500) {
    const status = exposed.status;
    return simple(status, status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'malformed', t(`errors.${knownStatuses.has(status) ? status : 400}.detail`));
  }
  return simple(500, 'internal', t('errors.500.detail'));
}

function simple(status: number, name: string, detail: string): Problem {
  return { type: problemType(name), title: titleOf(status), status, detail };
}
