import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError } from './errors';
import { toProblem } from './problem';
import { t } from '../i18n/t';

export function isApiRequest(req: Request): boolean {
  return req.originalUrl.startsWith('/api/');
}

export const notFound: RequestHandler = () => {
  throw new AppError('not_found', t('errors.404.detail'));
};

/** problem+json for the API, a German page for people; internals only ever reach the log. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  const problem = toProblem(error);
  if (problem.status >= 500) req.log?.error({ err: error }, 'request failed');
  if (res.headersSent) return next(error);
  if (problem.retryAfter !== undefined) res.set('Retry-After', String(problem.retryAfter));
  res.status(problem.status);
  if (isApiRequest(req)) {
    const { retryAfter: _retryAfter, ...body } = problem;
    res.type('application/problem+json').send(JSON.stringify(body));
    return;
  }
  res.render('pages/error', { title: problem.title, status: problem.status, detail: problem.detail });
};
