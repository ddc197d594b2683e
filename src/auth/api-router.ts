import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { AppError } from '../http/errors';
import { parseJsonBody } from '../http/validate';
import { jsonBody, responses } from '../http/openapi';
import { clientAddress } from '../http/client-address';
import { t } from '../i18n/t';
import { tokenRequest } from '../accounts/schemas';
import { meResponse, presentMe } from '../accounts/presenters';
import type { Services } from '../services';
import { authenticate } from './authenticate';
import { issueApiToken, revokeApiToken } from './api-tokens';
import { requireUser, userOf } from './guards';
import type { CurrentUser } from './current-user';

const tokenResponse = z.object({ token: z.string(), expiresAt: z.string() }).meta({ id: 'ApiToken' });

export const authPaths: ZodOpenApiPathsObject = {
  '/api/v1/auth/tokens': {
    post: {
      summary: 'Issue an API token',
      security: [],
      requestBody: jsonBody(tokenRequest),
      responses: responses({ 201: { description: 'Token issued', schema: tokenResponse } }, ['malformed', 'unauthenticated', 'invalid', 'too_many_requests']),
    },
  },
  '/api/v1/auth/tokens/current': {
    delete: { summary: 'Revoke the token of this request', responses: responses({ 204: { description: 'Revoked' } }, ['unauthenticated', 'malformed']) },
  },
  '/api/v1/me': {
    get: { summary: 'The signed-in user', responses: responses({ 200: { description: 'The user', schema: meResponse } }, ['unauthenticated']) },
  },
};

/**
 * Authenticates `Authorization: Bearer` requests through passport; such requests use no
 * session and need no CSRF token. A present but bad token is a 401, never an anonymous request.
 */
export function bearerAuth(services: Services) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (!header) return next();
    if (!/^Bearer\s+\S+$/i.test(header)) return next(new AppError('unauthenticated', t('auth.tokenInvalid')));
    services.passport.authenticate(
      'bearer',
      { session: false },
      (error: unknown, user: CurrentUser | false, info: { tokenId?: string } | undefined) => {
        if (error) return next(error);
        if (!user || !info?.tokenId) return next(new AppError('unauthenticated', t('auth.tokenInvalid')));
        req.user = user;
        req.apiTokenId = info.tokenId;
        next();
      },
    )(req, res, next);
  };
}

export function authApiRouter(services: Services): Router {
  const { db, clock, throttle } = services;
  const router = Router();

  router.post('/auth/tokens', async (req, res) => {
    const input = parseJsonBody(tokenRequest, req.body);
    const user = await authenticate({ db, throttle, email: input.email, password: input.password, address: clientAddress(req) });
    const { token, expiresAt } = await issueApiToken({ db, clock, userId: user.id });
    res.status(201).json({ token, expiresAt: expiresAt.toISOString() });
  });

  router.delete('/auth/tokens/current', requireUser, async (req, res) => {
    if (!req.apiTokenId) throw new AppError('malformed', t('auth.tokenInvalid'));
    await revokeApiToken({ db, clock, tokenId: req.apiTokenId });
    res.status(204).end();
  });

  router.get('/me', requireUser, (req, res) => {
    res.json(presentMe(userOf(req)));
  });

  return router;
}
