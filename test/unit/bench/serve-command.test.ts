import { join } from 'node:path';
import { parseServeScript, serveCommand } from '../../../bench/lib/serve-command';

describe('the serve command the benchmark starts', () => {
  it('when the script sets variables and Node flags, then the benchmark gets each of them', () => {
    expect(parseServeScript('cross-env MALLOC_ARENA_MAX=2 A_B=x=y node --max-semi-space-size=8 --trace-gc dist/src/server.js')).toEqual({
      env: { MALLOC_ARENA_MAX: '2', A_B: 'x=y' },
      nodeArgs: ['--max-semi-space-size=8', '--trace-gc'],
      script: 'dist/src/server.js',
    });
  });

  it('when the script is plain node, then there is nothing to set', () => {
    expect(parseServeScript('node dist/src/server.js')).toEqual({ env: {}, nodeArgs: [], script: 'dist/src/server.js' });
  });

  it('when the script starts something other than node, then the benchmark refuses it rather than measure something else', () => {
    expect(() => parseServeScript('tsx src/server.ts')).toThrow(/does not start node/);
    expect(() => parseServeScript('node --inspect')).toThrow(/not "node \[flags\] script"/);
    expect(() => parseServeScript('node a.js b.js')).toThrow(/not "node \[flags\] script"/);
  });

  it("when the package's own serve script is read, then it starts the compiled server with the memory settings", () => {
    const serve = serveCommand(join(__dirname, '..', '..', '..'));
    expect(serve.script).toBe('dist/src/server.js');
    expect(serve.env.MALLOC_ARENA_MAX).toBe('2');
    expect(serve.nodeArgs).toContain('--max-semi-space-size=8');
  });
});
