import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { errorStatus } from './errors';

/** The problem+json shape every API error has (RFC 9457). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export function responses(
  success: Record<number, { description: string; schema?: z.ZodType }>,
  problems: (keyof typeof errorStatus)[],
): ZodOpenApiResponsesObject {
  const result: ZodOpenApiResponsesObject = {};
  for (const [status, r] of Object.entries(success)) {
    result[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: r.description,
      ...(r.schema ? { content: { 'application/json': { schema: r.schema } } } : {}),
    };
  }
  for (const code of problems) {
    result[String(errorStatus[code]) as `4${string}`] = {
      description: code.replace(/_/g, ' '),
      content: { 'application/problem+json': { schema: problemSchema } },
    };
  }
  return result;
}

/** The API contract as OpenAPI 3.1, built from the same zod schemas that validate requests. */
export function buildOpenApiDocument(paths: ZodOpenApiPathsObject[]) {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Förderportal Soziales API', version: '1.0.0' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/tokens' },
        session: { type: 'apiKey', in: 'cookie', name: 'fps.sid', description: 'Browser session plus X-CSRF-Token header' },
      },
    },
    paths: Object.assign({}, ...paths),
  });
}
