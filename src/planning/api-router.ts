import express, { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { AppError } from '../http/errors';
import { t } from '../i18n/t';
import { parseJsonBody } from '../http/validate';
import { param } from '../http/params';
import { jsonBody, responses } from '../http/openapi';
import { requireRole } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import { toApiMoney } from '../cases/money';
import type { Services } from '../services';
import type { Db } from '../db/client';
import { programmeInput, programmePatch, resolutionInput, roundInput, roundPatch } from './schemas';
import { presentProgramme, presentRound, programmeResponse, roundResponse } from './presenters';
import { roundFigures } from './round-figures';
import { createProgramme } from './create-programme';
import { updateProgramme } from './update-programme';
import { createRound } from './create-round';
import { updateRound } from './update-round';
import { recommendationList } from './recommendation-list';
import { recordResolution } from './record-resolution';
import { districtsWithFigures } from './districts/districts-with-figures';
import { districtInput, saveDistrict } from './districts/save-district';
import { importDistricts, MAX_DISTRICT_CSV_BYTES } from './districts/import-districts';

const idParam = z.object({ id: z.string() });
const list = (item: z.ZodType) => z.object({ items: z.array(item) });

const recommendationResponse = z
  .object({
    round: z.string(),
    items: z.array(
      z.object({
        rank: z.number().int(),
        id: z.string(),
        reference: z.string(),
        title: z.string(),
        organisation: z.string(),
        district: z.string(),
        planningArea: z.string(),
        socialIndex: z.number().nullable(),
        requested: z.string(),
        recommended: z.string(),
        late: z.boolean(),
      }),
    ),
    totals: z.object({ requested: z.string(), recommended: z.string() }),
  })
  .meta({ id: 'RecommendationList' });

const resolutionResponse = z
  .object({
    id: z.string(),
    round: z.string(),
    number: z.string(),
    date: z.string(),
    outcomes: z.array(z.object({ caseId: z.string(), outcome: z.string(), amount: z.string().nullable(), note: z.string().nullable() })),
  })
  .meta({ id: 'Resolution' });

const districtResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    planningArea: z.string(),
    active: z.boolean(),
    year: z.number().int().nullable().meta({ description: 'The year the figures are from (the one asked for or the latest before it)' }),
    socialIndex: z.number().nullable(),
    inhabitants: z.number().int().nullable(),
  })
  .meta({ id: 'District' });

const importResponse = z.object({ count: z.number().int(), created: z.number().int(), updated: z.number().int() }).meta({ id: 'DistrictImport' });

export const planningPaths: ZodOpenApiPathsObject = {
  '/api/v1/programmes': {
    get: { summary: 'List funding programmes (staff)', responses: responses({ 200: { description: 'Programmes', schema: list(programmeResponse) } }, ['unauthenticated', 'forbidden']) },
    post: {
      summary: 'Create a funding programme (admin)',
      requestBody: jsonBody(programmeInput),
      responses: responses({ 201: { description: 'Created', schema: programmeResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'invalid']),
    },
  },
  '/api/v1/programmes/{id}': {
    patch: {
      summary: 'Rename a programme or switch its committee step (admin)',
      requestParams: { path: idParam },
      requestBody: jsonBody(programmePatch),
      responses: responses({ 200: { description: 'Saved', schema: programmeResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'invalid']),
    },
  },
  '/api/v1/rounds': {
    get: { summary: 'List funding rounds with their budget figures (staff)', responses: responses({ 200: { description: 'Rounds', schema: list(roundResponse) } }, ['unauthenticated', 'forbidden']) },
    post: {
      summary: 'Open a funding round (admin)',
      requestBody: jsonBody(roundInput),
      responses: responses({ 201: { description: 'Created', schema: roundResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'invalid']),
    },
  },
  '/api/v1/rounds/{id}': {
    get: { summary: 'A round: budget, committed, recommended, remaining (staff)', requestParams: { path: idParam }, responses: responses({ 200: { description: 'Round', schema: roundResponse } }, ['unauthenticated', 'forbidden', 'not_found']) },
    patch: {
      summary: "Change a round's deadline, budget or late policy (admin)",
      requestParams: { path: idParam },
      requestBody: jsonBody(roundPatch),
      responses: responses({ 200: { description: 'Saved', schema: roundResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'invalid']),
    },
  },
  '/api/v1/rounds/{id}/recommendations': {
    get: {
      summary: "The round's recommendation list for the committee, in priority order (coordinator, head)",
      requestParams: { path: idParam },
      responses: responses({ 200: { description: 'Recommendation list', schema: recommendationResponse } }, ['unauthenticated', 'forbidden', 'not_found']),
    },
  },
  '/api/v1/rounds/{id}/resolutions': {
    post: {
      summary: "Record the committee's resolution on the list (coordinator)",
      requestParams: { path: idParam },
      requestBody: jsonBody(resolutionInput),
      responses: responses({ 201: { description: 'Recorded', schema: resolutionResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'invalid']),
    },
  },
  '/api/v1/districts': {
    get: {
      summary: 'Ortsteile with planning area and the figures of a year (?year=, default this year) (staff)',
      responses: responses({ 200: { description: 'Districts', schema: list(districtResponse) } }, ['unauthenticated', 'forbidden']),
    },
    post: {
      summary: 'Add or update an Ortsteil (by name) with its figures for a year (admin)',
      requestBody: jsonBody(districtInput),
      responses: responses({ 200: { description: 'Saved', schema: districtResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'invalid']),
    },
  },
  '/api/v1/districts/import': {
    post: {
      summary: 'Import Ortsteile from German CSV (text/csv; Ortsteil;Planungsraum;Jahr;Sozialindex;Einwohner), all or nothing (admin)',
      requestBody: { required: true, content: { 'text/csv': { schema: z.string() } } },
      responses: responses({ 200: { description: 'Imported', schema: importResponse } }, ['unauthenticated', 'forbidden', 'payload_too_large', 'unsupported_media_type', 'invalid']),
    },
  },
};

export async function presentRoundById(db: Db, id: string) {
  const round = await db.fundingRound.findUnique({ where: { id }, include: { programme: true } });
  if (!round) throw new AppError('not_found', t('errors.404.detail'));
  return presentRound(round, round.programme, await roundFigures(db, round));
}

const csvBody = express.raw({ type: () => true, limit: MAX_DISTRICT_CSV_BYTES });

/** Programmes, rounds, the committee's list and resolutions, and the districts, as JSON. */
export function planningApiRouter(services: Services): Router {
  const { db, clock } = services;
  const router = Router();
  const staff = requireRole('coordinator', 'head', 'admin');

  router.get('/programmes', ...staff, async (_req, res) => {
    res.json({ items: (await db.programme.findMany({ orderBy: { name: 'asc' } })).map(presentProgramme) });
  });

  router.post('/programmes', ...requireRole('admin'), async (req, res) => {
    const programme = await createProgramme({ db, clock, actor: actorOf(req.user!), input: parseJsonBody(programmeInput, req.body) });
    res.status(201).json(presentProgramme(programme));
  });

  router.patch('/programmes/:id', ...requireRole('admin'), async (req, res) => {
    const programme = await updateProgramme({ db, clock, actor: actorOf(req.user!), programmeId: param(req, 'id'), input: parseJsonBody(programmePatch, req.body) });
    res.json(presentProgramme(programme));
  });

  router.get('/rounds', ...staff, async (_req, res) => {
    const rounds = await db.fundingRound.findMany({ include: { programme: true }, orderBy: [{ programmeId: 'asc' }, { year: 'desc' }] });
    res.json({ items: await Promise.all(rounds.map(async (r) => presentRound(r, r.programme, await roundFigures(db, r)))) });
  });

  router.post('/rounds', ...requireRole('admin'), async (req, res) => {
    const round = await createRound({ db, clock, actor: actorOf(req.user!), input: parseJsonBody(roundInput, req.body) });
    res.status(201).json(await presentRoundById(db, round.id));
  });

  router.get('/rounds/:id', ...staff, async (req, res) => {
    res.json(await presentRoundById(db, param(req, 'id')));
  });

  router.patch('/rounds/:id', ...requireRole('admin'), async (req, res) => {
    const round = await updateRound({ db, clock, actor: actorOf(req.user!), roundId: param(req, 'id'), input: parseJsonBody(roundPatch, req.body) });
    res.json(await presentRoundById(db, round.id));
  });

  router.get('/rounds/:id/recommendations', ...requireRole('coordinator', 'head'), async (req, res) => {
    const { round, rows, totals } = await recommendationList(db, param(req, 'id'));
    res.json({
      round: round.id,
      items: rows.map((r) => ({
        rank: r.rank,
        id: r.caseId,
        reference: r.reference,
        title: r.title,
        organisation: r.organisation,
        district: r.district,
        planningArea: r.planningArea,
        socialIndex: r.socialIndex,
        requested: toApiMoney(r.requestedCents),
        recommended: toApiMoney(r.recommendedCents),
        late: r.late,
      })),
      totals: { requested: toApiMoney(totals.requestedCents), recommended: toApiMoney(totals.recommendedCents) },
    });
  });

  router.post('/rounds/:id/resolutions', ...requireRole('coordinator'), async (req, res) => {
    const resolution = await recordResolution({ db, clock, actor: actorOf(req.user!), roundId: param(req, 'id'), input: parseJsonBody(resolutionInput, req.body) });
    res.status(201).json({
      id: resolution.id,
      round: resolution.roundId,
      number: resolution.number,
      date: resolution.date,
      outcomes: resolution.outcomes.map((o) => ({ caseId: o.caseId, outcome: o.outcome, amount: o.amountCents === null ? null : toApiMoney(o.amountCents), note: o.note })),
    });
  });

  router.get('/districts', ...staff, async (req, res) => {
    const asked = typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year) ? Number(req.query.year) : clock.now().getUTCFullYear();
    res.json({ items: await districtsWithFigures(db, asked) });
  });

  router.post('/districts', ...requireRole('admin'), async (req, res) => {
    const input = parseJsonBody(districtInput, req.body);
    await saveDistrict({ db, clock, actor: actorOf(req.user!), input });
    res.json((await districtsWithFigures(db, input.year)).find((d) => d.name === input.name));
  });

  router.post('/districts/import', ...requireRole('admin'), async (req, res, next) => {
    if (!req.is('text/csv')) throw new AppError('unsupported_media_type', t('errors.415.detail'));
    csvBody(req, res, next);
  }, async (req, res) => {
    res.json(await importDistricts({ db, clock, actor: actorOf(req.user!), bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) }));
  });

  return router;
}
