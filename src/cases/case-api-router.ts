import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { parse, parseJsonBody } from '../http/validate';
import { param } from '../http/params';
import { ifMatchVersion } from '../http/if-match';
import { jsonBody, responses } from '../http/openapi';
import { requireUser } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import type { Actor } from '../auth/policy';
import { singleUpload } from '../documents/upload';
import { addAttachment } from '../documents/add-attachment';
import { removeAttachment } from '../documents/remove-attachment';
import { readAttachment, sendAttachment } from '../documents/read-attachment';
import type { Services } from '../services';
import type { CaseKind, CaseRow } from './case-kind';
import { applyEvent } from './engine/apply-event';
import { loadVisibleCase } from './engine/load-case';
import { listCases, listQuery } from './list-cases';
import { allowedEventsFor, loadCaseView } from './case-view';
import { addComment, commentInput } from './comments/add-comment';
import { attachmentResponse, commentResponse, presentAttachment, presentComment } from './case-presenter';
import type { CaseDetails } from './case-details';

export interface CaseApiSpec {
  path: string;
  kind: CaseKind;
  attachmentKinds: readonly string[];
  inputSchema: z.ZodType;
  responseSchema: z.ZodType;
  summarySchema: z.ZodType;
  create(services: Services, actor: Actor, input: unknown): Promise<CaseRow>;
  update(services: Services, actor: Actor, caseId: string, input: unknown, ifMatch: number | undefined): Promise<CaseRow>;
  present(row: CaseRow, details: CaseDetails, allowedEvents: string[], actor: Actor): unknown;
  presentSummary(row: CaseRow & { organisation: { id: string; name: string } }): unknown;
}

const eventBody = z.object({ type: z.string() }).passthrough().meta({ id: 'CaseEvent' });
const eventResult = z.object({ state: z.string(), version: z.number().int(), allowedEvents: z.array(z.string()) }).meta({ id: 'EventResult' });
const idParams = z.object({ id: z.string() });

export function caseApiPaths(spec: Pick<CaseApiSpec, 'path' | 'inputSchema' | 'responseSchema' | 'summarySchema'>): ZodOpenApiPathsObject {
  const base = `/api/v1/${spec.path}`;
  const page = z.object({ items: z.array(spec.summarySchema), page: z.number(), pageSize: z.number(), total: z.number() });
  return {
    [base]: {
      post: { requestBody: jsonBody(spec.inputSchema), responses: responses({ 201: { description: 'Draft created', schema: spec.responseSchema } }, ['malformed', 'unauthenticated', 'forbidden', 'invalid']) },
      get: { requestParams: { query: listQuery }, responses: responses({ 200: { description: 'A page of cases', schema: page } }, ['unauthenticated', 'invalid']) },
    },
    [`${base}/{id}`]: {
      get: { requestParams: { path: idParams }, responses: responses({ 200: { description: 'The case', schema: spec.responseSchema } }, ['unauthenticated', 'not_found']) },
      patch: {
        requestParams: { path: idParams },
        requestBody: jsonBody(spec.inputSchema),
        responses: responses({ 200: { description: 'Updated', schema: spec.responseSchema } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'precondition_failed', 'invalid']),
      },
    },
    [`${base}/{id}/events`]: {
      post: {
        requestParams: { path: idParams },
        requestBody: jsonBody(eventBody),
        responses: responses({ 200: { description: 'The new state', schema: eventResult } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'precondition_failed', 'invalid']),
      },
    },
    [`${base}/{id}/comments`]: {
      post: {
        requestParams: { path: idParams },
        requestBody: jsonBody(commentInput),
        responses: responses({ 201: { description: 'Comment added', schema: commentResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'invalid']),
      },
    },
    [`${base}/{id}/attachments`]: {
      post: {
        requestParams: { path: idParams },
        requestBody: {
          content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }), kind: z.string() }) } },
        },
        responses: responses({ 201: { description: 'Stored', schema: attachmentResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'unsupported_media_type', 'invalid']),
      },
    },
    [`${base}/{id}/attachments/{attachmentId}`]: {
      get: {
        requestParams: { path: z.object({ id: z.string(), attachmentId: z.string() }) },
        responses: responses({ 200: { description: 'The file as a download' } }, ['unauthenticated', 'not_found']),
      },
      delete: {
        requestParams: { path: z.object({ id: z.string(), attachmentId: z.string() }) },
        responses: responses({ 204: { description: 'Deleted' } }, ['unauthenticated', 'forbidden', 'not_found', 'conflict']),
      },
    },
  };
}

/** The JSON API of one case kind; every route calls the same use-cases as the pages. */
export function caseApiRouter(services: Services, spec: CaseApiSpec): Router {
  const { db, clock, storage } = services;
  const { kind } = spec;
  const router = Router();
  const actor = (req: Request) => actorOf(req.user!);
  const full = async (req: Request, row: CaseRow) => {
    const view = await loadCaseView(db, kind, actor(req), row);
    return spec.present(row, view.details, view.allowedEvents, actor(req));
  };

  router.use(`/${spec.path}`, requireUser);

  router.post(`/${spec.path}`, async (req, res) => {
    const row = await spec.create(services, actor(req), parseJsonBody(z.object({}).passthrough(), req.body));
    res.status(201).set('ETag', `"${row.version}"`).json(await full(req, row));
  });

  router.get(`/${spec.path}`, async (req, res) => {
    const query = parse(listQuery, req.query);
    const result = await listCases({ db, provider: services.config.databaseProvider, actor: actor(req), kind: kind.kind, query });
    res.json({ items: result.items.map((r) => spec.presentSummary(r)), page: result.page, pageSize: result.pageSize, total: result.total });
  });

  router.get(`/${spec.path}/:id`, async (req, res) => {
    const row = await loadVisibleCase(db, actor(req), kind.kind, param(req, 'id'));
    res.set('ETag', `"${row.version}"`).json(await full(req, row));
  });

  router.patch(`/${spec.path}/:id`, async (req, res) => {
    const body = parseJsonBody(z.object({}).passthrough(), req.body);
    const row = await spec.update(services, actor(req), param(req, 'id'), body, ifMatchVersion(req));
    res.set('ETag', `"${row.version}"`).json(await full(req, row));
  });

  router.post(`/${spec.path}/:id/events`, async (req, res) => {
    const { type, ...payload } = parseJsonBody(eventBody, req.body);
    const row = await applyEvent({
      db,
      clock,
      kind,
      actor: actor(req),
      caseId: param(req, 'id'),
      type,
      body: payload,
      ifMatch: ifMatchVersion(req),
      onCommitted: services.jobs.poke,
    });
    res.set('ETag', `"${row.version}"`).json({ state: row.state, version: row.version, allowedEvents: allowedEventsFor(kind, actor(req), row) });
  });

  router.post(`/${spec.path}/:id/comments`, async (req, res) => {
    const comment = await addComment({ db, clock, actor: actor(req), kind: kind.kind, caseId: param(req, 'id'), body: parseJsonBody(z.object({}).passthrough(), req.body) });
    res.status(201).json(presentComment(comment));
  });

  router.post(`/${spec.path}/:id/attachments`, async (req, res) => {
    // The case must be visible before a single byte is read.
    await loadVisibleCase(db, actor(req), kind.kind, param(req, 'id'));
    await new Promise<void>((resolve, reject) => singleUpload(req, res, (error: unknown) => (error ? reject(error) : resolve())));
    const body = (req.body ?? {}) as { kind?: unknown };
    const attachment = await addAttachment({
      db,
      clock,
      actor: actor(req),
      storage,
      caseKind: kind.kind,
      caseId: param(req, 'id'),
      allowedKinds: spec.attachmentKinds,
      kind: body.kind,
      file: req.file,
    });
    res.status(201).json(presentAttachment(attachment));
  });

  router.get(`/${spec.path}/:id/attachments/:attachmentId`, async (req, res) => {
    sendAttachment(
      res,
      await readAttachment({ db, actor: actor(req), storage, caseKind: kind.kind, caseId: param(req, 'id'), attachmentId: param(req, 'attachmentId') }),
    );
  });

  router.delete(`/${spec.path}/:id/attachments/:attachmentId`, async (req, res) => {
    await removeAttachment({ db, clock, actor: actor(req), storage, caseKind: kind.kind, caseId: param(req, 'id'), attachmentId: param(req, 'attachmentId') });
    res.status(204).end();
  });

  return router;
}
