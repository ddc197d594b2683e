import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { param } from '../http/params';
import { responses } from '../http/openapi';
import { t } from '../i18n/t';
import { MAX_FILE_BYTES } from '../documents/upload';
import type { Services } from '../services';
import { findIssuedNotice, matchesIssuedNotice } from './verify-notice';
import { normaliseVerificationCode } from './verification-code';

const verification = z
  .object({
    code: z.string(),
    kind: z.string(),
    reference: z.string(),
    issuedAt: z.string(),
    sha256: z.string(),
    authority: z.string(),
    replacedBy: z.object({ code: z.string(), issuedAt: z.string() }).nullable(),
  })
  .meta({ id: 'NoticeVerification' });

export const verifyPaths: ZodOpenApiPathsObject = {
  '/api/v1/verify/{code}': {
    get: {
      summary: 'Whether a notice with this verification code was issued (public, no personal data)',
      security: [],
      requestParams: { path: z.object({ code: z.string() }) },
      responses: responses({ 200: { description: 'The issued notice', schema: verification } }, ['not_found']),
    },
  },
};

const pdfUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2, parts: 3 } }).single('file');

/** The public verification of notices: by code, and by comparing an uploaded PDF with the original. */
export function verifyRouter(services: Services): Router {
  const { db } = services;
  const router = Router();

  router.get('/verify', (req, res) => {
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    if (code.trim()) return res.redirect(303, `/verify/${encodeURIComponent(normaliseVerificationCode(code))}`);
    res.render('pages/verify/index');
  });

  router.get('/verify/:code', async (req, res) => {
    res.render('pages/verify/show', { notice: await findIssuedNotice(db, param(req, 'code')) });
  });

  router.post('/verify/:code', async (req, res) => {
    const notice = await findIssuedNotice(db, param(req, 'code'));
    await new Promise<void>((resolve, reject) => pdfUpload(req, res, (e: unknown) => (e ? reject(e) : resolve())));
    if (!req.file || req.file.size === 0) {
      return res.status(422).render('pages/verify/show', { notice, errors: [{ field: 'file', message: t('documents.fileRequired') }] });
    }
    const genuine = await matchesIssuedNotice(db, notice.code, req.file.buffer);
    res.render('pages/verify/show', { notice, result: genuine ? 'genuine' : 'altered' });
  });

  router.get('/api/v1/verify/:code', async (req, res) => {
    const { kindLabel: _label, replacedBy, ...notice } = await findIssuedNotice(db, param(req, 'code'));
    res.json({
      ...notice,
      issuedAt: notice.issuedAt.toISOString(),
      replacedBy: replacedBy ? { code: replacedBy.code, issuedAt: replacedBy.issuedAt.toISOString() } : null,
    });
  });

  return router;
}
