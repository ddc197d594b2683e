import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { requireUser } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { param } from '../http/params';
import { jsonBody, responses } from '../http/openapi';
import { flash, redirectAfterSave } from '../http/flash';
import { t } from '../i18n/t';
import { correctNotice, correctionInput } from './correct-notice';
import type { Services } from '../services';
import { readNotice } from './read-notice';

export const noticePaths: ZodOpenApiPathsObject = {
  '/api/v1/notices/{id}/corrections': {
    post: {
      summary: 'Issue a correction that replaces this notice (head)',
      requestParams: { path: z.object({ id: z.string() }) },
      requestBody: jsonBody(correctionInput),
      responses: responses({ 202: { description: 'The correction is being issued' } }, ['unauthenticated', 'forbidden', 'not_found', 'conflict', 'invalid']),
    },
  },
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
  const { db, clock } = services;

  router.post('/api/v1/notices/:id/corrections', requireUser, async (req, res) => {
    await correctNotice({ db, clock, actor: actorOf(req.user!), noticeId: param(req, 'id'), body: req.body, onCommitted: services.jobs.poke });
    res.status(202).json({ status: 'queued' });
  });

  router.post('/bescheide/:id/berichtigen', requireUser, async (req, res) => {
    const { caseId, kind } = await correctNotice({ db, clock, actor: actorOf(req.user!), noticeId: param(req, 'id'), body: req.body, onCommitted: services.jobs.poke });
    flash(req, 'success', t('notices.correctionQueued'));
    await redirectAfterSave(req, res, `${kind === 'application' ? '/antraege' : '/stellungnahmen'}/${caseId}`);
  });

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
