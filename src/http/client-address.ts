import type { Request } from 'express';

/** The client address used for throttling; with TRUST_PROXY it is taken from X-Forwarded-For. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
