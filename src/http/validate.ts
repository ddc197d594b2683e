import { z } from 'zod';
import { AppError, type FieldError } from './errors';
import { t } from '../i18n/t';

z.config(z.locales.de());

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/** Parses input against a schema; invalid content is a 422 listing every field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('invalid', t('errors.422.detail'), { errors: fieldErrors(result.error) });
  }
  return result.data;
}

/** A JSON API body must be an object; anything else is malformed (400), not merely invalid. */
export function parseJsonBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('malformed', t('validation.expectedObject'));
  }
  return parse(schema, body);
}
