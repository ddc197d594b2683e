import type { Response } from 'express';
import { AppError } from './errors';

/** The error summary's items: field name and message, one per field. */
export function summaryOf(error: AppError): { field: string; message: string }[] {
  const seen = new Set<string>();
  return error.errors
    .filter((e) => !seen.has(e.path) && seen.add(e.path))
    .map((e) => ({ field: e.path, message: e.message }));
}

/**
 * Runs a form's action; invalid input re-renders the same page with the values kept and
 * every error next to its field (422), anything else goes on to the error handler.
 */
export async function handleForm(
  res: Response,
  view: string,
  model: Record<string, unknown>,
  values: Record<string, unknown>,
  action: () => Promise<void>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
    const errors = summaryOf(error);
    const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    res.status(422).render(view, { ...model, values: withoutSecrets(values), errors, fieldErrors });
  }
}

function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/password|_csrf/i.test(k)));
}
