import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { AppError } from '../http/errors';
import { flash, redirectAfterSave } from '../http/flash';
import { handleForm, summaryOf } from '../http/forms';
import { parse } from '../http/validate';
import { param } from '../http/params';
import { t } from '../i18n/t';
import { requireRole } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { formatEuro, germanToApiMoney, toGermanInput } from '../cases/money';
import { formatDate } from '../http/format';
import { loadAuthority } from '../notices/authority';
import type { Services } from '../services';
import type { Db } from '../db/client';
import { LATE_POLICIES, programmeInput, programmePatch, resolutionInput, roundInput, roundPatch } from './schemas';
import { roundFigures } from './round-figures';
import { figuresForPage, roundLabel } from './figures-for-page';
import { createProgramme } from './create-programme';
import { updateProgramme } from './update-programme';
import { createRound } from './create-round';
import { updateRound } from './update-round';
import { recommendationList } from './recommendation-list';
import { renderRecommendationPdf } from './recommendation-pdf';
import { renderRecommendationXlsx } from './recommendation-xlsx';
import { recommendationTable } from './recommendation-csv';
import { recordResolution } from './record-resolution';
import { COMMITTEE_OUTCOMES } from './committee-gate';
import { districtsWithFigures } from './districts/districts-with-figures';
import { districtInput, saveDistrict } from './districts/save-district';
import { importDistricts, MAX_DISTRICT_CSV_BYTES } from './districts/import-districts';
import { DISTRICT_CSV_COLUMNS } from './districts/parse-district-csv';
import { districtsTable } from './districts/districts-export';
import { roundsTable } from './rounds-export';
import { exportFormatOf } from '../exports/table';
import { sendExport } from '../exports/send-export';

type Body = Record<string, unknown>;

const csvUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_DISTRICT_CSV_BYTES, files: 1, fields: 2, parts: 3 } }).single('file');


async function roundsWithFigures(db: Db) {
  const rounds = await db.fundingRound.findMany({ include: { programme: true }, orderBy: [{ programmeId: 'asc' }, { year: 'desc' }] });
  return Promise.all(
    rounds.map(async (r) => {
      const amounts = await roundFigures(db, r);
      return { ...r, label: roundLabel(r), deadlineText: formatDate(`${r.deadline}T12:00:00Z`), amounts, figures: figuresForPage(amounts) };
    }),
  );
}

/** Programmes, rounds, the committee step and the Ortsteile, as pages for staff and administrators. */
export function planningPagesRouter(services: Services): Router {
  const { db, clock } = services;
  const router = Router();

  // ---- Administration: programmes and rounds ------------------------------------------------

  const PROGRAMMES = 'pages/admin/programmes';
  const programmesModel = async () => ({
    programmes: await db.programme.findMany({ orderBy: { name: 'asc' } }),
    rounds: await roundsWithFigures(db),
    latePolicyItems: LATE_POLICIES.map((p) => ({ value: p, text: t(`planning.latePolicies.${p}`) })),
  });
  const programmeItems = (programmes: { id: string; name: string }[]) => programmes.map((p) => ({ value: p.id, text: p.name }));

  router.get('/admin/foerderprogramme', ...requireRole('admin'), async (_req, res) => {
    const model = await programmesModel();
    res.render(PROGRAMMES, { ...model, programmeItems: programmeItems(model.programmes), values: { latePolicy: 'refuse' }, programmeValues: {} });
  });

  const renderProgrammesError = async (res: Response, error: unknown, form: 'round' | 'programme', body: Body) => {
    if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
    const model = await programmesModel();
    // The two forms' fields have distinct names, so each error lands next to its own field.
    const errors = summaryOf(error);
    res.status(422).render(PROGRAMMES, {
      ...model,
      programmeItems: programmeItems(model.programmes),
      errors,
      values: form === 'round' ? body : { latePolicy: 'refuse' },
      programmeValues: form === 'programme' ? body : {},
    });
  };

  router.post('/admin/foerderprogramme', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Body;
    try {
      const programme = await createProgramme({ db, clock, actor: actorOf(req.user!), input: parse(programmeInput, { id: body.id, name: body.name, committeeStep: body.committeeStep ?? '' }) });
      flash(req, 'success', t('planning.programmeCreated', { name: programme.name }));
      await redirectAfterSave(req, res, '/admin/foerderprogramme');
    } catch (error) {
      await renderProgrammesError(res, error, 'programme', body);
    }
  });

  router.post('/admin/foerderprogramme/:id', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Body;
    const programme = await updateProgramme({ db, clock, actor: actorOf(req.user!), programmeId: param(req, 'id'), input: parse(programmePatch, { committeeStep: body.committeeStep ?? '' }) });
    flash(req, 'success', t('planning.programmeSaved', { name: programme.name }));
    await redirectAfterSave(req, res, '/admin/foerderprogramme');
  });

  router.post('/admin/foerderrunden', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Body;
    try {
      const input = parse(roundInput, { programme: body.programme, year: body.year, deadline: body.deadline, budget: germanToApiMoney(String(body.budget ?? '')), latePolicy: body.latePolicy || undefined });
      const round = await createRound({ db, clock, actor: actorOf(req.user!), input });
      flash(req, 'success', t('planning.roundCreated', { year: round.year }));
      await redirectAfterSave(req, res, '/admin/foerderprogramme');
    } catch (error) {
      await renderProgrammesError(res, error, 'round', body);
    }
  });

  const ROUND_EDIT = 'pages/admin/round-edit';
  const loadRound = async (id: string) => {
    const round = await db.fundingRound.findUnique({ where: { id }, include: { programme: true } });
    if (!round) throw new AppError('not_found', t('errors.404.detail'));
    return { ...round, label: roundLabel(round), figures: figuresForPage(await roundFigures(db, round)) };
  };
  const latePolicyItems = LATE_POLICIES.map((p) => ({ value: p, text: t(`planning.latePolicies.${p}`) }));

  router.get('/admin/foerderrunden/:id', ...requireRole('admin'), async (req, res) => {
    const round = await loadRound(param(req, 'id'));
    res.render(ROUND_EDIT, { round, latePolicyItems, values: { deadline: round.deadline, budget: toGermanInput(round.budgetCents), latePolicy: round.latePolicy } });
  });

  router.post('/admin/foerderrunden/:id', ...requireRole('admin'), async (req, res) => {
    const round = await loadRound(param(req, 'id'));
    const body = req.body as Body;
    await handleForm(res, ROUND_EDIT, { round, latePolicyItems }, body, async () => {
      const input = parse(roundPatch, { deadline: body.deadline, budget: germanToApiMoney(String(body.budget ?? '')), latePolicy: body.latePolicy });
      await updateRound({ db, clock, actor: actorOf(req.user!), roundId: round.id, input });
      flash(req, 'success', t('planning.roundSaved', { year: round.year }));
      await redirectAfterSave(req, res, '/admin/foerderprogramme');
    });
  });

  // ---- Staff: rounds, the recommendation list, the committee --------------------------------

  router.get('/foerderrunden', ...requireRole('coordinator', 'head', 'admin'), async (req, res) => {
    const rounds = await roundsWithFigures(db);
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, roundsTable(rounds, clock.now()));
    res.render('pages/rounds/list', { rounds });
  });

  const ROUND_SHOW = 'pages/rounds/show';
  const roundPage = async (req: Request, id: string) => {
    const round = await loadRound(id);
    const list = await recommendationList(db, id);
    const resolutions = await db.committeeResolution.findMany({
      where: { roundId: id },
      orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
      include: { outcomes: { include: { case: { select: { reference: true, title: true } } } } },
    });
    return {
      round,
      rows: list.rows.map((r) => ({
        ...r,
        socialIndexText: r.socialIndex === null ? '–' : r.socialIndex.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        requested: formatEuro(r.requestedCents),
        recommended: formatEuro(r.recommendedCents),
        recommendedInput: toGermanInput(r.recommendedCents),
      })),
      totals: { requested: formatEuro(list.totals.requestedCents), recommended: formatEuro(list.totals.recommendedCents) },
      resolutions: resolutions.map((r) => ({
        ...r,
        dateText: formatDate(`${r.date}T12:00:00Z`),
        outcomes: r.outcomes.map((o) => ({ ...o, label: t(`planning.outcomes.${o.outcome}`), amount: o.amountCents === null ? '–' : formatEuro(o.amountCents) })),
      })),
      outcomeItems: [{ value: '', text: t('pages.planning.round.notInResolution') }, ...COMMITTEE_OUTCOMES.map((o) => ({ value: o, text: t(`planning.outcomes.${o}`) }))],
      mayRecord: actorOf(req.user!).role === 'coordinator' && round.programme.committeeStep && list.rows.length > 0,
      mayDownload: ['coordinator', 'head'].includes(actorOf(req.user!).role),
    };
  };

  router.get('/foerderrunden/:id', ...requireRole('coordinator', 'head', 'admin'), async (req, res) => {
    res.render(ROUND_SHOW, { ...(await roundPage(req, param(req, 'id'))), values: {} });
  });

  router.get('/foerderrunden/:id/empfehlungsliste.pdf', ...requireRole('coordinator', 'head'), async (req, res) => {
    const list = await recommendationList(db, param(req, 'id'));
    const user = req.user!;
    const bytes = await renderRecommendationPdf(list, await loadAuthority(db), clock.now(), { name: user.name, email: user.email, role: t(`roles.${user.role}`) });
    res
      .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="Empfehlungsliste-${list.round.year}.pdf"` })
      .send(Buffer.from(bytes));
  });

  router.get('/foerderrunden/:id/empfehlungsliste.xlsx', ...requireRole('coordinator', 'head'), async (req, res) => {
    const list = await recommendationList(db, param(req, 'id'));
    res
      .set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="Empfehlungsliste-${list.round.year}.xlsx"`,
      })
      .send(await renderRecommendationXlsx(list, clock.now()));
  });

  router.get('/foerderrunden/:id/empfehlungsliste.csv', ...requireRole('coordinator', 'head'), async (req, res) => {
    await sendExport(res, 'csv', recommendationTable(await recommendationList(db, param(req, 'id'))));
  });

  router.post('/foerderrunden/:id/beschluesse', ...requireRole('coordinator'), async (req, res) => {
    const body = req.body as Body;
    const id = param(req, 'id');
    const model = await roundPage(req, id);
    // One row per listed application: its outcome select, an amount and a note; blank = not covered.
    const outcomes = model.rows
      .map((r, i) => ({ caseId: r.caseId, outcome: body[`outcome-${i}`], amount: body[`amount-${i}`], note: body[`note-${i}`] }))
      .filter((o) => typeof o.outcome === 'string' && o.outcome !== '')
      .map((o) => ({
        caseId: o.caseId,
        outcome: o.outcome,
        ...(o.outcome === 'amended' && typeof o.amount === 'string' && o.amount.trim() !== '' ? { amount: germanToApiMoney(o.amount) } : {}),
        note: o.note,
      }));
    const rowOf = new Map(model.rows.map((r, i) => [r.caseId, i]));
    try {
      const input = parse(resolutionInput, { number: body.number, date: body.date, outcomes });
      const resolution = await recordResolution({ db, clock, actor: actorOf(req.user!), roundId: id, input });
      flash(req, 'success', t('planning.resolutionRecorded', { number: resolution.number }));
      await redirectAfterSave(req, res, `/foerderrunden/${id}#beschluesse`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
      // "outcomes.2.amount" names the third submitted outcome; the form's field is its row's.
      const errors = summaryOf(error).map((e) => {
        const m = /^outcomes\.(\d+)\.(\w+)$/.exec(e.field);
        if (!m) return { ...e, field: e.field === 'outcomes' ? 'outcome-0' : e.field };
        const row = rowOf.get(outcomes[Number(m[1])]!.caseId)!;
        return { ...e, field: `${m[2] === 'amount' ? 'amount' : m[2] === 'note' ? 'note' : 'outcome'}-${row}` };
      });
      res.status(422).render(ROUND_SHOW, { ...model, values: body, errors });
    }
  });

  // ---- Administration: Ortsteile ------------------------------------------------------------

  const DISTRICTS = 'pages/admin/districts';
  const districtsModel = async (yearText: unknown) => {
    const year = typeof yearText === 'string' && /^\d{4}$/.test(yearText) ? Number(yearText) : clock.now().getUTCFullYear();
    const rows = await districtsWithFigures(db, year);
    return {
      year,
      rows: rows.map((d) => ({
        ...d,
        socialIndexText: d.socialIndex === null ? '–' : d.socialIndex.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        inhabitantsText: d.inhabitants === null ? '–' : d.inhabitants.toLocaleString('de-DE'),
      })),
      csvColumns: DISTRICT_CSV_COLUMNS.join(';'),
      maxKib: MAX_DISTRICT_CSV_BYTES / 1024,
    };
  };

  router.get('/admin/ortsteile', ...requireRole('admin'), async (req, res) => {
    const model = await districtsModel(req.query.jahr);
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, districtsTable(model.rows, model.year));
    res.render(DISTRICTS, { ...model, values: { year: String(model.year) } });
  });

  router.post('/admin/ortsteile', ...requireRole('admin'), async (req, res) => {
    const body = req.body as Body;
    const model = await districtsModel(body.year);
    await handleForm(res, DISTRICTS, model, body, async () => {
      const input = parse(districtInput, { name: body.name, planningArea: body.planningArea, year: body.year, socialIndex: body.socialIndex, inhabitants: body.inhabitants });
      await saveDistrict({ db, clock, actor: actorOf(req.user!), input });
      flash(req, 'success', t('planning.districtSaved', { name: input.name }));
      await redirectAfterSave(req, res, `/admin/ortsteile?jahr=${input.year}`);
    });
  });

  router.post('/admin/ortsteile/import', ...requireRole('admin'), async (req, res) => {
    let summary: Awaited<ReturnType<typeof importDistricts>>;
    try {
      await new Promise<void>((resolve, reject) => csvUpload(req, res, (e: unknown) => (e ? reject(e) : resolve())));
      if (!req.file || req.file.size === 0) throw new AppError('invalid', t('planning.csv.fileRequired'), { errors: [{ path: 'file', message: t('planning.csv.fileRequired') }] });
      summary = await importDistricts({ db, clock, actor: actorOf(req.user!), bytes: req.file.buffer });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'LIMIT_FILE_SIZE';
      if (!tooLarge && (!(error instanceof AppError) || error.code !== 'invalid')) throw error;
      const errors = tooLarge ? [{ field: 'file', message: t('planning.csv.tooLarge', { kib: MAX_DISTRICT_CSV_BYTES / 1024 }) }] : summaryOf(error as AppError);
      const model = await districtsModel(undefined);
      // Every row's message is listed; all point at the file field, so none is merged away.
      const all = tooLarge ? errors : (error as AppError).errors.map((e) => ({ field: 'file', message: e.message }));
      res.status(tooLarge ? 413 : 422).render(DISTRICTS, { ...model, values: { year: String(model.year) }, errors: all, importFailed: !tooLarge && (error as AppError).message });
      return;
    }
    flash(req, 'success', t('planning.districtsImported', summary));
    await redirectAfterSave(req, res, '/admin/ortsteile');
  });

  return router;
}
