import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { responses } from '../http/openapi';
import { requireRole } from '../auth/guards';
import { parse } from '../http/validate';
import type { Services } from '../services';
import { toApiMoney } from '../cases/money';
import { exportFormatOf, type ExportFormat, type ExportTable } from '../exports/table';
import { sendExport } from '../exports/send-export';
import { berlinWallClock } from '../exports/table';
import { REPORT_DIMENSIONS, fundingReport, type FundingFigures } from './funding-report';
import { budgetReport } from './budget-report';
import { decisionTimes } from './decision-times';
import { resolveScope, scopeQuery, type ReportScope } from './scope';
import { budgetTable, decisionTimesTable, fundedProjectsTable, fundingTable } from './tables';
import { fundedProjects, fundedProjectsQuery, fundedYears } from './funded-projects';
import { setDistrictShapes } from './district-shapes';
import { actorOf } from '../auth/current-user';
import { t } from '../i18n/t';
import { AppError } from '../http/errors';

const STAFF = ['coordinator', 'head', 'admin'] as const;
const fundingQuery = scopeQuery.extend({ by: z.enum(REPORT_DIMENSIONS).default('district') });

/** `format=csv|xlsx`, or `Accept: text/csv` as API.md promises, asks for a download instead of JSON. */
function downloadFormat(req: Request): ExportFormat | null {
  const asked = exportFormatOf(req.query.format);
  if (asked) return asked;
  const accept = req.get('accept') ?? '';
  if (accept.startsWith('text/csv')) return 'csv';
  if (accept.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) return 'xlsx';
  return null;
}

async function answer<R>(req: Request, res: Response, table: () => ExportTable<R>, body: () => unknown): Promise<void> {
  const format = downloadFormat(req);
  if (format) return sendExport(res, format, table());
  res.json(body());
}

const money = (f: FundingFigures) => ({
  cases: f.cases,
  approvedCases: f.approvedCases,
  rejectedCases: f.rejectedCases,
  openCases: f.openCases,
  requested: toApiMoney(f.requestedCents),
  recommended: toApiMoney(f.recommendedCents),
  approved: toApiMoney(f.approvedCents),
});

const scopeBody = (scope: ReportScope) => ({ roundId: scope.roundId ?? null, year: scope.year, rounds: scope.rounds.map((r) => ({ id: r.id, programme: r.programmeId, year: r.year })) });

export const reportPaths: ZodOpenApiPathsObject = {
  '/api/v1/reports/funding': {
    get: {
      summary: 'Funding report by district, planning area, social-index class or field of action (JSON; CSV or XLSX with format= or Accept)',
      requestParams: { query: fundingQuery.extend({ format: z.enum(['csv', 'xlsx']).optional() }) },
      responses: responses({ 200: { description: 'Rows and totals; amounts as decimal strings' } }, ['unauthenticated', 'forbidden', 'not_found', 'invalid']),
    },
  },
  '/api/v1/reports/budget': {
    get: {
      summary: 'Budget, committed, recommended but undecided, remaining; commitments per month',
      requestParams: { query: scopeQuery.extend({ format: z.enum(['csv', 'xlsx']).optional() }) },
      responses: responses({ 200: { description: 'Budget figures' } }, ['unauthenticated', 'forbidden', 'not_found', 'invalid']),
    },
  },
  '/api/v1/reports/decision-times': {
    get: {
      summary: 'Days from submission to decision: median, 90th percentile, counts by duration',
      requestParams: { query: scopeQuery.extend({ format: z.enum(['csv', 'xlsx']).optional() }) },
      responses: responses({ 200: { description: 'Decision times' } }, ['unauthenticated', 'forbidden', 'not_found', 'invalid']),
    },
  },
  '/api/v1/district-shapes': {
    put: {
      summary: 'Replace the district shapes with a GeoJSON FeatureCollection (admin; at most 1 MB here, 5 MB through the upload page)',
      responses: responses({ 200: { description: 'Number of shapes stored and the districts without one' } }, ['unauthenticated', 'forbidden', 'invalid', 'unsupported_media_type']),
    },
  },
  '/api/v1/public/funded-projects': {
    get: {
      summary: 'Funded projects of a year as open data (no sign-in, no personal data); CSV or XLSX with format= or Accept',
      security: [],
      requestParams: { query: fundedProjectsQuery.extend({ format: z.enum(['csv', 'xlsx']).optional() }) },
      responses: responses({ 200: { description: 'Title, provider, district, amount and year of each funded project' } }, ['invalid']),
    },
  },
};

/** The reports as JSON (and CSV or XLSX), the open data of funded projects, and the shapes upload. */
export function reportsApiRouter(services: Services): Router {
  const { db, clock } = services;
  const provider = services.database.provider;
  const router = Router();
  const scopeOf = (query: z.output<typeof scopeQuery>) => resolveScope(db, query, berlinWallClock(clock.now()).year);

  router.get('/reports/funding', ...requireRole(...STAFF), async (req, res) => {
    const query = parse(fundingQuery, req.query);
    const scope = await scopeOf(query);
    const report = await fundingReport({ db, scope, by: query.by });
    await answer(req, res, () => fundingTable(report, scope), () => ({
      ...scopeBody(scope),
      by: report.by,
      rows: report.rows.map((r) => ({
        key: r.key,
        label: r.label,
        ...money(r),
        ...(r.inhabitants !== undefined ? { inhabitants: r.inhabitants, approvedPerInhabitant: r.approvedCentsPerInhabitant == null ? null : toApiMoney(r.approvedCentsPerInhabitant) } : {}),
        ...(r.socialIndex !== undefined ? { socialIndex: r.socialIndex } : {}),
      })),
      totals: money(report.totals),
    }));
  });

  router.get('/reports/budget', ...requireRole(...STAFF), async (req, res) => {
    const scope = await scopeOf(parse(scopeQuery, req.query));
    const report = await budgetReport({ db, provider, scope });
    await answer(req, res, () => budgetTable(report, scope), () => ({
      ...scopeBody(scope),
      budget: toApiMoney(report.budgetCents),
      committed: toApiMoney(report.committedCents),
      recommendedUndecided: toApiMoney(report.recommendedUndecidedCents),
      recommendedUndecidedCases: report.recommendedUndecidedCases,
      remaining: toApiMoney(report.remainingCents),
      remainingAfterRecommended: toApiMoney(report.remainingAfterRecommendedCents),
      months: report.months.map((m) => ({ month: m.month, approvals: m.approvals, committed: toApiMoney(m.committedCents), cumulative: toApiMoney(m.cumulativeCents) })),
    }));
  });

  router.get('/reports/decision-times', ...requireRole(...STAFF), async (req, res) => {
    const scope = await scopeOf(parse(scopeQuery, req.query));
    const times = await decisionTimes({ db, provider, scope });
    await answer(req, res, () => decisionTimesTable(times, scope), () => ({ ...scopeBody(scope), ...times }));
  });

  router.put('/district-shapes', ...requireRole('admin'), async (req, res) => {
    // The JSON body parser's limit of 1 MB applies here; larger files go through the upload page.
    if (!req.is('application/json')) throw new AppError('unsupported_media_type', t('geojson.mediaType'));
    const result = await setDistrictShapes({ db, clock, actor: actorOf(req.user!), text: JSON.stringify(req.body ?? null), fileName: 'api.geojson' });
    res.json(result);
  });

  router.get('/public/funded-projects', async (req, res) => {
    const query = parse(fundedProjectsQuery, req.query);
    const year = query.year ?? (await fundedYears(db))[0] ?? berlinWallClock(clock.now()).year;
    const { items, total, totalCents } = await fundedProjects(db, { year });
    res.setHeader('Access-Control-Allow-Origin', '*');
    await answer(req, res, () => fundedProjectsTable(items, year), () => ({
      year,
      total,
      totalAmount: toApiMoney(totalCents),
      items: items.map((p) => ({ reference: p.reference, title: p.title, organisation: p.organisation, district: p.district, planningArea: p.planningArea, fieldOfAction: p.fieldOfAction, amount: toApiMoney(p.amountCents), year: p.year })),
    }));
  });

  return router;
}
