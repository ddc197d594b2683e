import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { requireRole } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { AppError } from '../http/errors';
import { flash, redirectAfterSave } from '../http/flash';
import { t } from '../i18n/t';
import type { Services } from '../services';
import { formatEuro } from '../cases/money';
import { exportFormatOf, type ExportTable } from '../exports/table';
import { presentTable } from '../exports/present';
import { sendExport } from '../exports/send-export';
import { berlinWallClock } from '../exports/table';
import { exportQueryOf } from '../http/export-query';
import { resolveScope, scopeQuery } from './scope';
import { budgetTable, decisionTimesTable, dimensionSlugs, fundedProjectsTable, fundingTable, slugOfDimension } from './tables';
import { fundingModel, overviewModel } from './report-model';
import { fundedProjects, fundedYears } from './funded-projects';
import { MAX_GEOJSON_BYTES } from './geojson';
import { loadDistrictShapes, setDistrictShapes } from './district-shapes';
import { schematicDistrictMap } from './schematic-map';

const STAFF = ['coordinator', 'head', 'admin'] as const;
const PUBLIC_PAGE_SIZE = 50;
const shapeUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_GEOJSON_BYTES, files: 1, fields: 2, parts: 3 }, defParamCharset: 'utf8' }).single('file');

/** Query values in German as the pages use them: runde, jahr, nach, farbe. */
function pageScopeQuery(req: Request) {
  const q = req.query as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const result = scopeQuery.safeParse({ roundId: text(q.runde), year: text(q.jahr) });
  if (!result.success) throw new AppError('not_found', t('reports.unknownRound'));
  return result.data;
}

/** The report pages for staff, the public transparency page and the admin's map upload. */
export function reportPagesRouter(services: Services): Router {
  const { db, clock } = services;
  const provider = services.database.provider;
  const router = Router();
  const thisYear = () => berlinWallClock(clock.now()).year;
  const contextOf = async (req: Request) => ({ db, provider, scope: await resolveScope(db, pageScopeQuery(req), thisYear()) });

  router.get('/berichte', ...requireRole(...STAFF), async (req, res) => {
    const ctx = await contextOf(req);
    const colouring = req.query.farbe === 'sozialindex' ? 'socialIndex' : 'amount';
    const model = await overviewModel(ctx, colouring);
    const format = exportFormatOf(req.query.format);
    if (format) {
      const table = req.query.tabelle === 'haushalt' ? budgetTable(model.budget, ctx.scope) : req.query.tabelle === 'planungsraum' ? fundingTable(model.byArea, ctx.scope) : fundingTable(model.byDistrict, ctx.scope);
      return sendExport(res, format, table as Parameters<typeof sendExport>[2]);
    }
    res.render('pages/reports/overview', {
      ...model,
      scope: ctx.scope,
      exportQuery: exportQueryOf(req),
      years: yearsOf(ctx.scope.allRounds),
      money: {
        budget: formatEuro(model.budget.budgetCents),
        committed: formatEuro(model.budget.committedCents),
        recommended: formatEuro(model.budget.recommendedUndecidedCents),
        remaining: formatEuro(model.budget.remainingCents),
        remainingAfter: formatEuro(model.budget.remainingAfterRecommendedCents),
        usedPercent: model.budget.usedShare === null ? null : Math.round(model.budget.usedShare * 1000) / 10,
      },
      bar: budgetBar(model.budget),
      districtTable: presented(fundingTable(model.byDistrict, ctx.scope)),
      areaTable: presented(fundingTable(model.byArea, ctx.scope)),
      budgetTable: presented(budgetTable(model.budget, ctx.scope)),
    });
  });

  router.get('/berichte/foerderung', ...requireRole(...STAFF), async (req, res) => {
    const ctx = await contextOf(req);
    const by = dimensionSlugs[String(req.query.nach)] ?? 'district';
    const model = await fundingModel(ctx, by);
    const format = exportFormatOf(req.query.format);
    if (format) {
      const table = req.query.tabelle === 'dauer' ? decisionTimesTable(model.times, ctx.scope) : fundingTable(model.report, ctx.scope);
      return sendExport(res, format, table as Parameters<typeof sendExport>[2]);
    }
    res.render('pages/reports/funding', {
      ...model,
      by,
      bySlug: slugOfDimension[by],
      dimensions: Object.entries(dimensionSlugs).map(([slug, key]) => ({ slug, key, label: t(`reports.dimensions.${key}`) })),
      table: presented(fundingTable(model.report, ctx.scope)),
      timesTable: presented(decisionTimesTable(model.times, ctx.scope)),
      scope: ctx.scope,
      exportQuery: exportQueryOf(req),
      years: yearsOf(ctx.scope.allRounds),
    });
  });

  router.get('/transparenz', async (req, res) => {
    const years = await fundedYears(db);
    const asked = Number(req.query.jahr);
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (years[0] ?? thisYear());
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, fundedProjectsTable((await fundedProjects(db, { year })).items, year));
    const page = Math.max(1, Math.min(10_000, Number(req.query.page) || 1));
    const result = await fundedProjects(db, { year, skip: (page - 1) * PUBLIC_PAGE_SIZE, take: PUBLIC_PAGE_SIZE });
    res.render('pages/reports/transparency', {
      year,
      years,
      result,
      totalAmount: formatEuro(result.totalCents),
      rows: result.items.map((p) => ({ ...p, amount: formatEuro(p.amountCents) })),
      page,
      pages: Math.max(1, Math.ceil(result.total / PUBLIC_PAGE_SIZE)),
      exportQuery: exportQueryOf(req),
    });
  });

  const renderMapAdmin = async (res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const stored = await loadDistrictShapes(db);
    const districts = await db.district.count({ where: { active: true } });
    res.status(status).render('pages/admin/map', { stored, districts, maxMib: MAX_GEOJSON_BYTES / 1024 / 1024, ...extra });
  };

  router.get('/admin/karte', ...requireRole('admin'), async (_req, res) => {
    await renderMapAdmin(res);
  });

  router.get('/admin/karte/vorlage', ...requireRole('admin'), (_req, res) => {
    res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="ortsteile-schema.geojson"');
    res.send(JSON.stringify(schematicDistrictMap(), null, 1));
  });

  router.post('/admin/karte', ...requireRole('admin'), async (req, res) => {
    try {
      await new Promise<void>((resolve, reject) => shapeUpload(req, res, (e: unknown) => (e ? reject(e) : resolve())));
      if (!req.file || req.file.size === 0) throw new AppError('invalid', t('geojson.required'), { errors: [{ path: 'file', message: t('geojson.required') }] });
      const result = await setDistrictShapes({ db, clock, actor: actorOf(req.user!), text: req.file.buffer.toString('utf8'), fileName: req.file.originalname });
      flash(req, 'success', result.missing.length ? t('geojson.savedMissing', { count: result.featureCount, missing: result.missing.join(', ') }) : t('geojson.saved', { count: result.featureCount }));
      await redirectAfterSave(req, res, '/admin/karte');
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'LIMIT_FILE_SIZE';
      if (!tooLarge && !(error instanceof AppError && error.status < 500)) throw error;
      const messages = tooLarge ? [t('geojson.tooLarge', { mib: MAX_GEOJSON_BYTES / 1024 / 1024 })] : (error as AppError).errors.length ? (error as AppError).errors.map((e) => e.message) : [(error as AppError).message];
      await renderMapAdmin(res, { errors: [{ field: 'file', message: messages[0] }], problems: messages }, tooLarge ? 413 : (error as AppError).status);
    }
  });

  return router;
}

/** Widths (percent of the budget, together at most 100) of the committed and the recommended part. */
function budgetBar(budget: { budgetCents: number; committedCents: number; recommendedUndecidedCents: number }) {
  if (budget.budgetCents <= 0) return { committed: 0, recommended: 0 };
  const committed = Math.min(100, (budget.committedCents / budget.budgetCents) * 100);
  const recommended = Math.min(100 - committed, (budget.recommendedUndecidedCents / budget.budgetCents) * 100);
  return { committed: Math.round(committed * 10) / 10, recommended: Math.round(recommended * 10) / 10 };
}

function presented<R>(table: ExportTable<R>) {
  return presentTable(table.columns, table.rows as R[]);
}

function yearsOf(rounds: { year: number }[]): number[] {
  return [...new Set(rounds.map((r) => r.year))];
}
