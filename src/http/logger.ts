import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      // Credentials, session identifiers and CSRF tokens never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'req.query._csrf', '*.password', '*.token', '*._csrf'],
    },
    destination,
  );
}

/** File forms carry their CSRF token in the query string (see auth/csrf.ts); the log keeps the path only. */
export function withoutCsrfToken(url: string): string {
  return url.replace(/([?&]_csrf=)[^&#]*/gi, '$1[Redacted]');
}

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { url?: string; query?: Record<string, unknown> }) => {
        if (typeof req.url === 'string') req.url = withoutCsrfToken(req.url);
        if (req.query && '_csrf' in req.query) req.query = { ...req.query, _csrf: '[Redacted]' };
        return req;
      },
    },
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url?.startsWith('/assets/') ?? false },
  });
}
