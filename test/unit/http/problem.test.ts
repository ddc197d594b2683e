import { AppError } from '../../../src/http/errors';
import { toProblem } from '../../../src/http/problem';

describe('problem mapping', () => {
  it.each([
    ['malformed', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['precondition_failed', 412],
    ['payload_too_large', 413],
    ['unsupported_media_type', 415],
    ['invalid', 422],
    ['too_many_requests', 429],
    ['unavailable', 503],
  ] as const)('when a use-case throws %s, then the status is %i', (code, status) => {
    const problem = toProblem(new AppError(code, 'Detail'));
    expect(problem).toMatchObject({ status, detail: 'Detail', type: `/problems/${code.replace(/_/g, '-')}` });
  });

  it('when an error names a narrower type, then the problem type ends in it', () => {
    expect(toProblem(new AppError('conflict', 'x', { type: 'budget-exceeded' })).type).toMatch(/budget-exceeded$/);
  });

  it('when an unexpected error is thrown, then the problem is a 500 without its message', () => {
    const problem = toProblem(new Error('SELECT * FROM secret failed at /srv/app.js:1'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('when the body parser fails, then malformed JSON is 400 and an oversized body 413', () => {
    expect(toProblem({ type: 'entity.parse.failed' }).status).toBe(400);
    expect(toProblem({ type: 'entity.too.large' }).status).toBe(413);
  });

  it('when the database is unreachable, then 503', () => {
    expect(toProblem({ code: 'P1001' }).status).toBe(503);
  });
});
