import { Router, type Request, type Response } from 'express';
import { AppError } from '../../http/errors';
import { flash, redirectAfterSave } from '../../http/flash';
import { summaryOf } from '../../http/forms';
import { param } from '../../http/params';
import { parse } from '../../http/validate';
import { t } from '../../i18n/t';
import { requireRole, requireUser } from '../../auth/guards';
import { actorOf } from '../../auth/current-user';
import type { Actor } from '../../auth/policy';
import type { Services } from '../../services';
import { singleUpload } from '../../documents/upload';
import { addAttachment } from '../../documents/add-attachment';
import { removeAttachment } from '../../documents/remove-attachment';
import { readAttachment } from '../../documents/read-attachment';
import { contentDisposition } from '../../documents/file-name';
import { applyEvent } from '../engine/apply-event';
import { loadVisibleCase } from '../engine/load-case';
import { addComment } from '../comments/add-comment';
import { listCases, listQuery } from '../list-cases';
import { inboxCounts, inboxGroups } from '../inbox';
import { parseGermanMoney, toApiMoney, formatEuro } from '../money';
import type { CaseRow } from '../case-kind';
import { todayInBerlin } from '../../clock';
import { applicationDraftInput, applicationAttachmentKinds } from './schemas';
import { createApplication } from './create-application';
import { updateApplication } from './update-application';
import { applicationFormValues, formToApplicationInput, submittedFormValues } from './form';
import { applicationPageModel, referenceLists } from './page-model';
import { applicationDataOf } from './data';

type Body = Record<string, unknown>;
const BASE = '/antraege';

/** Form fields of the event forms, in the API's shape (German money becomes "10500.00"). */
function eventBodyFrom(body: Body): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['message', 'dueDate', 'recommendation', 'rationale', 'conditions', 'reason']) {
    if (typeof body[key] === 'string' && body[key] !== '') out[key] = body[key];
  }
  if (typeof body.amount === 'string' && body.amount.trim() !== '') {
    const cents = parseGermanMoney(body.amount);
    out.amount = cents === null ? body.amount : toApiMoney(cents);
  }
  return out;
}

/** The HTML pages of FRL applications: the same use-cases as the API, German forms around them. */
export function applicationPagesRouter(services: Services): Router {
  const { db, clock, storage, config } = services;
  const kind = services.kinds.application;
  const router = Router();
  const actor = (req: Request): Actor => actorOf(req.user!);

  const renderCase = async (req: Request, res: Response, row: CaseRow, extra: Record<string, unknown> = {}, status = 200) => {
    const model = await applicationPageModel(db, kind, actor(req), row, config.requiredAttachments);
    res.status(status).render('pages/applications/show', { ...model, today: todayInBerlin(clock.now()), values: {}, ...extra });
  };

  const renderForm = async (res: Response, row: CaseRow | null, values: unknown, errors: unknown[] = [], status = 200) => {
    const lists = await referenceLists(db);
    res.status(status).render('pages/applications/form', { row, values, errors, ...lists });
  };

  router.use(BASE, requireUser);

  router.get(BASE, ...requireRole('applicant', 'coordinator', 'head', 'admin'), async (req, res) => {
    const query = parse(listQuery, req.query);
    const groups = actor(req).role === 'applicant' ? [] : inboxGroups(actor(req));
    const group = groups.find((g) => g.key === req.query.gruppe);
    const result = await listCases({ db, actor: actor(req), kind: 'application', query, extraWhere: group?.where });
    const counts = groups.length ? await inboxCounts(db, actor(req), 'application') : [];
    res.render('pages/applications/list', {
      result,
      rows: result.items.map((r) => ({ ...r, stateLabel: t(`labels.states.${r.state}`), requested: formatEuro(r.requestedCents) })),
      counts,
      group: group?.key ?? '',
      query,
      today: todayInBerlin(clock.now()),
      pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
    });
  });

  router.get(`${BASE}/neu`, ...requireRole('applicant'), async (_req, res) => {
    await renderForm(res, null, applicationFormValues({}, 3));
  });

  router.post(`${BASE}/neu`, ...requireRole('applicant'), async (req, res) => {
    const body = req.body as Body;
    try {
      const row = await createApplication({ db, clock, actor: actor(req), kind, input: parse(applicationDraftInput, formToApplicationInput(body)) });
      flash(req, 'success', t('applications.draftCreated', { reference: row.reference }));
      await redirectAfterSave(req, res, `${BASE}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await renderForm(res, null, submittedFormValues(body), summaryOf(error), 422);
    }
  });

  router.get(`${BASE}/:id`, async (req, res) => {
    await renderCase(req, res, await loadVisibleCase(db, actor(req), 'application', param(req, 'id')));
  });

  router.get(`${BASE}/:id/bearbeiten`, ...requireRole('applicant'), async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), 'application', param(req, 'id'));
    if (!['draft', 'changes_requested'].includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
    await renderForm(res, row, applicationFormValues(applicationDataOf(row)));
  });

  router.post(`${BASE}/:id/bearbeiten`, ...requireRole('applicant'), async (req, res) => {
    const body = req.body as Body;
    const row = await loadVisibleCase(db, actor(req), 'application', param(req, 'id'));
    const version = Number(body.version);
    try {
      await updateApplication({
        db,
        clock,
        actor: actor(req),
        caseId: row.id,
        input: parse(applicationDraftInput, formToApplicationInput(body)),
        ifMatch: Number.isInteger(version) ? version : undefined,
      });
      flash(req, 'success', t('applications.saved'));
      const addRow = body.action === 'addRow';
      await redirectAfterSave(req, res, addRow ? `${BASE}/${row.id}/bearbeiten#kosten` : `${BASE}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await renderForm(res, row, submittedFormValues(body), summaryOf(error), 422);
    }
  });

  router.post(`${BASE}/:id/ereignisse`, async (req, res) => {
    const body = req.body as Body;
    const row = await loadVisibleCase(db, actor(req), 'application', param(req, 'id'));
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
        body: eventBodyFrom(body),
        ifMatch: Number.isInteger(version) ? version : undefined,
        onCommitted: services.jobs.poke,
      });
      flash(req, 'success', t(`applications.done.${type}`));
      await redirectAfterSave(req, res, `${BASE}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'not_found') throw error;
      const fresh = await loadVisibleCase(db, actor(req), 'application', row.id);
      await renderCase(req, res, fresh, { errors: summaryOf(error), actionError: error.message, openEvent: type, values: body }, error.status);
    }
  });

  router.post(`${BASE}/:id/kommentare`, async (req, res) => {
    const body = req.body as Body;
    const row = await loadVisibleCase(db, actor(req), 'application', param(req, 'id'));
    try {
      await addComment({ db, clock, actor: actor(req), kind: 'application', caseId: row.id, body: { body: body.body, visibility: body.visibility || 'shared' } });
      flash(req, 'success', t('comments.added'));
      await redirectAfterSave(req, res, `${BASE}/${row.id}#kommentare`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await renderCase(req, res, row, { errors: summaryOf(error), values: body }, 422);
    }
  });

  router.post(`${BASE}/:id/anlagen`, ...requireRole('applicant'), async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), 'application', param(req, 'id'));
    try {
      await new Promise<void>((resolve, reject) => singleUpload(req, res, (e: unknown) => (e ? reject(e) : resolve())));
      const attachment = await addAttachment({
        db,
        clock,
        actor: actor(req),
        storage,
        caseKind: 'application',
        caseId: row.id,
        allowedKinds: applicationAttachmentKinds,
        kind: (req.body as Body | undefined)?.kind,
        file: req.file,
      });
      flash(req, 'success', t('documents.uploaded', { name: attachment.fileName }));
      await redirectAfterSave(req, res, `${BASE}/${row.id}#anlagen`);
    } catch (error) {
      const status = error instanceof AppError ? error.status : ((error as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 413 : 0);
      if (!status || status >= 500) throw error;
      const message = error instanceof AppError ? (error.errors[0]?.message ?? error.message) : t('documents.tooLarge');
      await renderCase(req, res, row, { errors: [{ field: 'file', message }] }, status);
    }
  });

  router.get(`${BASE}/:id/anlagen/:attachmentId`, async (req, res) => {
    const { attachment, bytes } = await readAttachment({ db, actor: actor(req), storage, caseKind: 'application', caseId: param(req, 'id'), attachmentId: param(req, 'attachmentId') });
    res.set({ 'Content-Type': attachment.mediaType, 'Content-Disposition': contentDisposition(attachment.fileName), 'Cache-Control': 'private, no-store' });
    res.send(bytes);
  });

  router.post(`${BASE}/:id/anlagen/:attachmentId/loeschen`, ...requireRole('applicant'), async (req, res) => {
    const caseId = param(req, 'id');
    const attachment = await db.attachment.findFirst({ where: { id: param(req, 'attachmentId'), caseId } });
    await removeAttachment({ db, clock, actor: actor(req), storage, caseKind: 'application', caseId, attachmentId: param(req, 'attachmentId') });
    flash(req, 'success', t('documents.removed', { name: attachment?.fileName ?? '' }));
    await redirectAfterSave(req, res, `${BASE}/${caseId}#anlagen`);
  });

  return router;
}
