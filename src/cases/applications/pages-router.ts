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
import { loadVisibleCase } from '../engine/load-case';
import { listCases, listQuery } from '../list-cases';
import { exportCases } from '../export-cases';
import { exportFormatOf } from '../../exports/table';
import { sendExport } from '../../exports/send-export';
import { exportQueryOf } from '../../http/export-query';
import { inboxCounts, inboxGroups } from '../inbox';
import { formatEuro } from '../money';
import { casePagesRouter, eventBodyFrom } from '../case-pages-router';
import type { CaseRow } from '../case-kind';
import { todayInBerlin } from '../../clock';
import { applicationDraftInput, applicationAttachmentKinds } from './schemas';
import { EDITABLE_STATES } from '../update-case';
import { createApplication } from './create-application';
import { updateApplication } from './update-application';
import { applicationFormValues, formToApplicationInput, submittedFormValues, summaryWithCostRowLabels } from './form';
import { applicationPageModel, referenceLists } from './page-model';
import { applicationDataOf } from './data';
import { roundChoices } from '../../planning/round-choices';

type Body = Record<string, unknown>;
const BASE = '/antraege';

/** The HTML pages of FRL applications: the same use-cases as the API, German forms around them. */
export function applicationPagesRouter(services: Services): Router {
  const { db, clock, config } = services;
  const kind = services.kinds.application;
  const router = Router();
  const actor = (req: Request): Actor => actorOf(req.user!);

  const renderCase = async (req: Request, res: Response, row: CaseRow, extra: Record<string, unknown>, status: number) => {
    const model = await applicationPageModel(db, kind, actor(req), row, config.requiredAttachments);
    res.status(status).render('pages/applications/show', { ...model, today: todayInBerlin(clock.now()), values: {}, ...extra });
  };

  const renderForm = async (res: Response, row: CaseRow | null, values: unknown, errors: unknown[] = [], status = 200) => {
    const lists = await referenceLists(db);
    const summary = summaryWithCostRowLabels(errors as { field: string; message: string }[]);
    // The round is chosen while the application is a draft; it is settled at submission.
    const roundItems = !row || row.state === 'draft' ? await roundChoices(db, todayInBerlin(clock.now())) : [];
    res.status(status).render('pages/applications/form', { row, values, errors, summary, roundItems, ...lists });
  };

  router.use(BASE, requireUser);

  router.get(BASE, ...requireRole('applicant', 'coordinator', 'head', 'admin'), async (req, res) => {
    const query = parse(listQuery, req.query);
    const groups = actor(req).role === 'applicant' ? [] : inboxGroups(actor(req));
    const group = groups.find((g) => g.key === req.query.gruppe);
    const format = exportFormatOf(req.query.format);
    if (format) {
      const fileStem = group ? `antraege-${group.key}` : 'antraege';
      return sendExport(res, format, await exportCases({ db, provider: config.databaseProvider, actor: actor(req), kind: 'application', query, extraWhere: group?.where, fileStem, now: clock.now() }));
    }
    const result = await listCases({ db, provider: config.databaseProvider, actor: actor(req), kind: 'application', query, extraWhere: group?.where });
    const counts = groups.length ? await inboxCounts(db, actor(req), 'application') : [];
    res.render('pages/applications/list', {
      result,
      rows: result.items.map((r) => ({ ...r, stateLabel: t(`labels.states.${r.state}`), requested: formatEuro(r.requestedCents) })),
      counts,
      group: group?.key ?? '',
      query,
      today: todayInBerlin(clock.now()),
      pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
      exportQuery: exportQueryOf(req),
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
      // "More rows" on a new form saves the draft too, then shows the form again with blank rows.
      await redirectAfterSave(req, res, body.action === 'addRow' ? `${BASE}/${row.id}/bearbeiten#kosten` : `${BASE}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await renderForm(res, null, submittedFormValues(body), summaryOf(error), 422);
    }
  });

  router.get(`${BASE}/:id/bearbeiten`, ...requireRole('applicant'), async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), 'application', param(req, 'id'));
    if (!EDITABLE_STATES.includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
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

  router.use(
    casePagesRouter(services, {
      basePath: BASE,
      kind,
      attachmentKinds: applicationAttachmentKinds,
      eventBody: (body) => eventBodyFrom(body, ['message', 'dueDate', 'recommendation', 'amount', 'rationale', 'conditions', 'reason']),
      doneMessages: 'applications.done',
      renderCase,
    }),
  );

  return router;
}
