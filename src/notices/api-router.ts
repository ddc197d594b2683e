import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { requireUser } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { param } from '../http/params';
import { responses } from '../http/openapi';
import type { Services } from '../services';
import { readNotice } from './read-notice';

export const noticePaths: ZodOpenApiPathsObject = {
  '/api/v1/notices/{id}': {
    get: {
      summary: 'An issued notice as PDF; its SHA-256 equals the one listed on the case',
      requestParams: { path: z.object({ id: z.string() }) },
      responses: responses({ 200: { description: 'application/pdf' } }, ['unauthenticated', 'not_found']),
    },
  },
};

export function noticesRouter(services: Services): Router {
  const router = Router();
  router.get(['/api/v1/notices/:id', '/bescheide/:id'], requireUser, async (req, res) => {
    const { notice, fileName } = await readNotice({ db: services.db, actor: actorOf(req.user!), noticeId: param(req, 'id') });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
      ETag: `"${notice.sha256}"`,
    });
    res.send(Buffer.from(notice.content));
  });
  return router;
}
