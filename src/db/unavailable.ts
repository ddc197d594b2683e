// Prisma's codes for a database that cannot be reached, timed out or closed the connection.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

// What a driver adapter reports (meta.driverAdapterError.cause.kind) when the database, not the
// request, is the problem. Raw queries arrive as P2010 with only this to tell.
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);

// SQLite: another process holds the file's lock longer than the busy timeout.
const SQLITE_UNAVAILABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

// node-postgres throws plain errors for a connection that dies under a running query or
// transaction; they carry no code, only these messages.
const DRIVER_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Connection ended unexpectedly|timeout exceeded when trying to connect)/;

// Network errors and PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P0x
// (administrator or crash shutdown, cannot connect now).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

interface MaybeDatabaseError {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  cause?: unknown;
}

/**
 * True when an error means "the database is away for now", whichever layer reported it, so the
 * request is answered 503 with Retry-After (the client may try again) instead of 500 (a bug).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as MaybeDatabaseError;
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || NETWORK_CODES.has(e.code) || /^08/.test(e.code))) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (typeof cause?.kind === 'string' && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  if (typeof cause?.originalCode === 'string' && SQLITE_UNAVAILABLE.has(cause.originalCode)) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
