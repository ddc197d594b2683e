import { Router } from 'express';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { isDatabaseUp } from '../db/client';
import { buildOpenApiDocument } from './openapi';
import type { Services } from '../services';

/** Health for load balancers and the API's OpenAPI document. */
export function operationsRouter(services: Services, apiPaths: ZodOpenApiPathsObject[]): Router {
  const router = Router();
  let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;

  router.get('/healthz', async (_req, res) => {
    const up = await isDatabaseUp(services.db);
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable' });
  });

  router.get('/api/v1/openapi.json', (_req, res) => {
    openApiDocument ??= buildOpenApiDocument(apiPaths);
    res.json(openApiDocument);
  });

  return router;
}
