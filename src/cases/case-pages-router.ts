import { Router, type Request, type Response } from 'express';
import { AppError } from '../http/errors';
import { flash, redirectAfterSave } from '../http/flash';
import { summaryOf } from '../http/forms';
import { param } from '../http/params';
import { t } from '../i18n/t';
import { requireRole, requireUser } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import type { Actor } from '../auth/policy';
import type { Services } from '../services';
import { singleUpload } from '../documents/upload';
import { addAttachment } from '../documents/add-attachment';
import { removeAttachment } from '../documents/remove-attachment';
import { readAttachment, sendAttachment } from '../documents/read-attachment';
import { applyEvent } from './engine/apply-event';
import { loadVisibleCase } from './engine/load-case';
import { addComment } from './comments/add-comment';
import { germanToApiMoney } from './money';
import type { CaseKind, CaseRow } from './case-kind';
import { decisionNoticeKind, noticeModelOf } from '../notices/issue-notice';
import { allowedEventsFor } from './case-view';
import { previewVerification, sendNoticePreview } from '../notices/preview';

type Body = Record<string, unknown>;

export interface CasePagesSpec {
  /** "/antraege" or "/stellungnahmen". */
  basePath: string;
  kind: CaseKind;
  attachmentKinds: readonly string[];
  /** An event form's fields in the API's shape (each kind knows its fields). */
  eventBody(body: Record<string, unknown>): Record<string, unknown>;
  /** Message key prefix for the flash after an event ("applications.done"). */
  doneMessages: string;
  renderCase(req: Request, res: Response, row: CaseRow, extra: Record<string, unknown>, status: number): Promise<void>;
}

/** An event form's fields in the API's shape: German money becomes "10500.00", empty fields are left out. */
export function eventBodyFrom(body: Body, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fields) {
    const value = body[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    out[key] = key === 'amount' ? germanToApiMoney(value) : value;
  }
  return out;
}

/**
 * The pages every case kind shares: its events, comments and attachments. The kind renders the
 * case page; this router calls the same use-cases as the API and turns their errors into pages.
 */
export function casePagesRouter(services: Services, spec: CasePagesSpec): Router {
  const { db, clock, storage } = services;
  const { basePath, kind } = spec;
  const router = Router();
  const actor = (req: Request): Actor => actorOf(req.user!);
  const load = (req: Request) => loadVisibleCase(db, actor(req), kind.kind, param(req, 'id'));

  router.use(basePath, requireUser);

  router.get(`${basePath}/:id`, async (req, res) => {
    await spec.renderCase(req, res, await load(req), {}, 200);
  });

  router.post(`${basePath}/:id/ereignisse`, async (req, res) => {
    const body = req.body as Body;
    const row = await load(req);
    const type = typeof body.type === 'string' ? body.type : '';
    const version = Number(body.version);
    try {
      await applyEvent({
        db,
        clock,
        kind,
        actor: actor(req),
        caseId: row.id,
        type,
        body: spec.eventBody(body),
        ifMatch: Number.isInteger(version) ? version : undefined,
        onCommitted: services.jobs.poke,
      });
      flash(req, 'success', t(`${spec.doneMessages}.${type}`));
      await redirectAfterSave(req, res, `${basePath}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'not_found') throw error;
      const fresh = await load(req);
      await spec.renderCase(req, res, fresh, { errors: summaryOf(error), actionError: error.message, openEvent: type, values: body }, error.status);
    }
  });

  // The head sees the exact notice a decision would issue before making it.
  router.post(`${basePath}/:id/bescheid-vorschau`, async (req, res) => {
    const body = req.body as Body;
    const row = await load(req);
    const type = typeof body.type === 'string' ? body.type : '';
    const noticeKind = decisionNoticeKind[type];
    if (!noticeKind || !kind.mayAttempt(actor(req), type, row)) throw new AppError('forbidden', t('cases.notYourTurn'));
    if (!allowedEventsFor(kind, actor(req), row).includes(type)) throw new AppError('conflict', t('errors.409.detail'));
    const payload = kind.parseEvent(type, spec.eventBody(body), { row, now: clock.now() });
    const model = await noticeModelOf(db, {
      caseId: row.id,
      noticeKind,
      payload,
      at: clock.now(),
      actorId: actor(req).id,
      verification: previewVerification(services.config.baseUrl),
    });
    await sendNoticePreview(res, services.renderer, row.reference, model);
  });

  router.post(`${basePath}/:id/kommentare`, async (req, res) => {
    const body = req.body as Body;
    const row = await load(req);
    try {
      await addComment({ db, clock, actor: actor(req), kind: kind.kind, caseId: row.id, body: { body: body.body, visibility: body.visibility || 'shared' } });
      flash(req, 'success', t('comments.added'));
      await redirectAfterSave(req, res, `${basePath}/${row.id}#kommentare`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await spec.renderCase(req, res, row, { errors: summaryOf(error), values: body }, 422);
    }
  });

  router.post(`${basePath}/:id/anlagen`, ...requireRole('applicant'), async (req, res) => {
    const row = await load(req);
    try {
      await new Promise<void>((resolve, reject) => singleUpload(req, res, (e: unknown) => (e ? reject(e) : resolve())));
      const attachment = await addAttachment({
        db,
        clock,
        actor: actor(req),
        storage,
        caseKind: kind.kind,
        caseId: row.id,
        allowedKinds: spec.attachmentKinds,
        kind: (req.body as Body | undefined)?.kind,
        file: req.file,
      });
      flash(req, 'success', t('documents.uploaded', { name: attachment.fileName }));
      await redirectAfterSave(req, res, `${basePath}/${row.id}#anlagen`);
    } catch (error) {
      const status = error instanceof AppError ? error.status : (error as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 413 : 0;
      if (!status || status >= 500) throw error;
      const message = error instanceof AppError ? (error.errors[0]?.message ?? error.message) : t('documents.tooLarge');
      await spec.renderCase(req, res, row, { errors: [{ field: 'file', message }] }, status);
    }
  });

  router.get(`${basePath}/:id/anlagen/:attachmentId`, async (req, res) => {
    sendAttachment(res, await readAttachment({ db, actor: actor(req), storage, caseKind: kind.kind, caseId: param(req, 'id'), attachmentId: param(req, 'attachmentId') }));
  });

  router.post(`${basePath}/:id/anlagen/:attachmentId/loeschen`, ...requireRole('applicant'), async (req, res) => {
    const caseId = param(req, 'id');
    const attachment = await db.attachment.findFirst({ where: { id: param(req, 'attachmentId'), caseId } });
    await removeAttachment({ db, clock, actor: actor(req), storage, caseKind: kind.kind, caseId, attachmentId: param(req, 'attachmentId') });
    flash(req, 'success', t('documents.removed', { name: attachment?.fileName ?? '' }));
    await redirectAfterSave(req, res, `${basePath}/${caseId}#anlagen`);
  });

  return router;
}
