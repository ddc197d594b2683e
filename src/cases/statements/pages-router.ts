import { Router, type Request, type Response } from 'express';
import { AppError } from '../../http/errors';
import { flash, redirectAfterSave } from '../../http/flash';
import { summaryOf } from '../../http/forms';
import { param } from '../../http/params';
import { parse } from '../../http/validate';
import { t } from '../../i18n/t';
import { requireRole } from '../../auth/guards';
import { actorOf } from '../../auth/current-user';
import type { Actor } from '../../auth/policy';
import type { Services } from '../../services';
import { loadVisibleCase } from '../engine/load-case';
import { listCases, listQuery, type ListOptions } from '../list-cases';
import { exportCases } from '../export-cases';
import { exportFormatOf } from '../../exports/table';
import { sendExport } from '../../exports/send-export';
import { exportQueryOf } from '../../http/export-query';
import { EDITABLE_STATES } from '../update-case';
import { casePagesRouter, eventBodyFrom } from '../case-pages-router';
import type { CaseRow } from '../case-kind';
import { latestOf, loadCaseDetails } from '../case-details';
import { formatEuro } from '../money';
import { todayInBerlin } from '../../clock';
import { noticeBase, statementModel, type StatementDraft } from '../../notices/notice-models';
import { previewVerification, sendNoticePreview } from '../../notices/preview';
import { statementAttachmentKinds, statementDraftInput, statementEventSchemas } from './schemas';
import { createStatementRequest } from './create-statement';
import { updateStatementRequest } from './update-statement';
import { formToStatementInput, statementFormValues } from './form';
import { statementPageModel } from './page-model';
import { statementDataOf } from './data';

type Body = Record<string, unknown>;
const BASE = '/stellungnahmen';
const SECTION_FIELDS = { need: 'sectionNeed', planning: 'sectionPlanning', offers: 'sectionOffers', cooperation: 'sectionCooperation', cofinancing: 'sectionCofinancing' };

/** The editor's field for an error path of the DRAFT_STATEMENT payload ("sections.need" → "sectionNeed"). */
function editorFieldOf(path: string): string {
  const section = /^sections\.(\w+)$/.exec(path)?.[1];
  return section && section in SECTION_FIELDS ? SECTION_FIELDS[section as keyof typeof SECTION_FIELDS] : path;
}

/** The statement editor's flat form fields as the DRAFT_STATEMENT payload. */
function statementEventBody(body: Body): Record<string, unknown> {
  const out = eventBodyFrom(body, ['message', 'dueDate', 'position', 'text', 'reason']);
  if (body.type === 'DRAFT_STATEMENT') {
    out.sections = Object.fromEntries(Object.entries(SECTION_FIELDS).map(([key, field]) => [key, typeof body[field] === 'string' ? body[field] : '']));
  }
  return out;
}

/** The pages of statements on third-party funding applications. */
export function statementPagesRouter(services: Services): Router {
  const { db, clock } = services;
  const kind = services.kinds.statement;
  const router = Router();
  const actor = (req: Request): Actor => actorOf(req.user!);

  const renderCase = async (req: Request, res: Response, row: CaseRow, extra: Record<string, unknown>, status: number) => {
    const model = await statementPageModel(db, kind, actor(req), row);
    const errors = (extra.errors as { field: string; message: string }[] | undefined)?.map((e) => ({ ...e, field: editorFieldOf(e.field) }));
    res.status(status).render('pages/statements/show', { ...model, today: todayInBerlin(clock.now()), values: {}, ...extra, ...(errors ? { errors } : {}) });
  };

  const renderForm = async (res: Response, row: CaseRow | null, values: unknown, errors: unknown[] = [], status = 200) => {
    const districts = await db.district.findMany({ where: { active: true }, orderBy: [{ planningArea: 'asc' }, { name: 'asc' }] });
    res.status(status).render('pages/statements/form', {
      row,
      values,
      errors,
      districtItems: districts.map((d) => ({ value: d.id, text: `${d.name} (Planungsraum ${d.planningArea})` })),
    });
  };

  router.get(BASE, ...requireRole('applicant', 'coordinator', 'head', 'admin'), async (req, res) => {
    const query = parse(listQuery, req.query);
    const open = req.query.offen !== '0';
    const listOptions: ListOptions = {
      db,
      provider: services.config.databaseProvider,
      actor: actor(req),
      kind: 'statement',
      query,
      extraWhere: actor(req).role !== 'applicant' && open ? { state: { in: ['submitted', 'in_review', 'changes_requested', 'awaiting_approval'] } } : undefined,
      // Staff work to the other funder's deadline: the most urgent first.
      orderBy: actor(req).role === 'applicant' ? undefined : [{ deadline: 'asc' }, { updatedAt: 'desc' }],
    };
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, await exportCases({ ...listOptions, fileStem: open && actor(req).role !== 'applicant' ? 'stellungnahmen-offen' : 'stellungnahmen', now: clock.now() }));
    const result = await listCases(listOptions);
    const today = todayInBerlin(clock.now());
    res.render('pages/statements/list', {
      result,
      rows: result.items.map((r) => ({
        ...r,
        stateLabel: t(`labels.states.${r.state}`),
        contribution: r.requestedCents === 0 ? 'keine' : formatEuro(r.requestedCents),
        overdue: r.deadline !== null && r.deadline < today && !['issued', 'withdrawn'].includes(r.state),
      })),
      open,
      query,
      pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
      exportQuery: exportQueryOf(req),
    });
  });

  router.get(`${BASE}/neu`, ...requireRole('applicant'), async (_req, res) => {
    await renderForm(res, null, statementFormValues({}));
  });

  router.post(`${BASE}/neu`, ...requireRole('applicant'), async (req, res) => {
    const body = req.body as Body;
    try {
      const row = await createStatementRequest({ db, clock, actor: actor(req), kind, input: parse(statementDraftInput, formToStatementInput(body)) });
      flash(req, 'success', t('statements.draftCreated', { reference: row.reference }));
      await redirectAfterSave(req, res, `${BASE}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await renderForm(res, null, body, summaryOf(error), 422);
    }
  });

  router.get(`${BASE}/:id/bearbeiten`, ...requireRole('applicant'), async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), 'statement', param(req, 'id'));
    if (!EDITABLE_STATES.includes(row.state)) throw new AppError('conflict', t('cases.notEditable'));
    await renderForm(res, row, statementFormValues(statementDataOf(row)));
  });

  router.post(`${BASE}/:id/bearbeiten`, ...requireRole('applicant'), async (req, res) => {
    const body = req.body as Body;
    const row = await loadVisibleCase(db, actor(req), 'statement', param(req, 'id'));
    const version = Number(body.version);
    try {
      await updateStatementRequest({
        db,
        clock,
        actor: actor(req),
        caseId: row.id,
        input: parse(statementDraftInput, formToStatementInput(body)),
        ifMatch: Number.isInteger(version) ? version : undefined,
      });
      flash(req, 'success', t('applications.saved'));
      await redirectAfterSave(req, res, `${BASE}/${row.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      await renderForm(res, row, body, summaryOf(error), 422);
    }
  });

  const sendPreview = async (res: Response, row: CaseRow, draft: StatementDraft, signerId: string | null) => {
    const withOrganisation = await db.case.findUniqueOrThrow({ where: { id: row.id }, include: { organisation: true } });
    const now = clock.now();
    const base = await noticeBase(db, withOrganisation, now, previewVerification(services.config.baseUrl));
    await sendNoticePreview(res, services.renderer, row.reference, await statementModel(db, withOrganisation, base, draft, signerId));
  };

  // The reviewer previews the letter from the editor's current text, before drafting it.
  router.post(`${BASE}/:id/vorschau`, ...requireRole('coordinator'), async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), 'statement', param(req, 'id'));
    if (row.reviewerId !== actor(req).id) throw new AppError('forbidden', t('cases.notYourTurn'));
    const draft = parse(statementEventSchemas.DRAFT_STATEMENT, statementEventBody({ ...(req.body as Body), type: 'DRAFT_STATEMENT' }));
    await sendPreview(res, row, draft as StatementDraft, null);
  });

  // The head sees the exact letter before signing it.
  router.get(`${BASE}/:id/vorschau`, ...requireRole('coordinator', 'head'), async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), 'statement', param(req, 'id'));
    const draftEvent = latestOf((await loadCaseDetails(db, actor(req), row)).history, 'DRAFT_STATEMENT');
    if (row.state !== 'awaiting_approval' || !draftEvent) throw new AppError('conflict', t('errors.409.detail'));
    await sendPreview(res, row, draftEvent.payload as unknown as StatementDraft, actor(req).role === 'head' ? actor(req).id : null);
  });

  router.use(
    casePagesRouter(services, {
      basePath: BASE,
      kind,
      attachmentKinds: statementAttachmentKinds,
      eventBody: statementEventBody,
      doneMessages: 'statements.done',
      renderCase,
    }),
  );

  return router;
}
