import { availableParallelism } from 'node:os';

describe('memory settings', () => {
  const saved = process.env.UV_THREADPOOL_SIZE;
  afterEach(() => {
    if (saved === undefined) delete process.env.UV_THREADPOOL_SIZE;
    else process.env.UV_THREADPOOL_SIZE = saved;
  });

  it("when the operator set no thread pool size, then the pool gets one thread per core, at most libuv's four", () => {
    delete process.env.UV_THREADPOOL_SIZE;
    jest.isolateModules(() => require('../../src/memory-settings'));
    expect(process.env.UV_THREADPOOL_SIZE).toBe(String(Math.min(4, availableParallelism())));
  });

  it('when the operator set a thread pool size, then it is kept', () => {
    process.env.UV_THREADPOOL_SIZE = '7';
    jest.isolateModules(() => require('../../src/memory-settings'));
    expect(process.env.UV_THREADPOOL_SIZE).toBe('7');
  });
});
