import { isDatabaseUnavailable } from '../../../src/db/unavailable';
import { toProblem } from '../../../src/http/problem';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['Prisma cannot reach the server', { code: 'P1001' }],
    ['a raw query through the adapter', { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } } }],
    ['SQLite locked by another process', { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'SocketTimeout', originalCode: 'SQLITE_BUSY' } } } }],
    ['a connection dying under a query', new Error('Connection terminated unexpectedly')],
    ['a transaction on a dead connection', new Error('Client has encountered a connection error and is not queryable')],
    ['PostgreSQL shutting down', { code: '57P01' }],
    ['a wrapped network error', { message: 'x', cause: { code: 'ECONNREFUSED' } }],
  ])('when %s, then it is a 503 with Retry-After', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toProblem(error)).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(toProblem(error).retryAfter).toBeGreaterThan(0);
  });

  it.each([
    ['a unique violation', { code: 'P2002' }],
    ['a programming error', new TypeError('x is undefined')],
    ['nothing', null],
  ])('when %s, then it is not', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
