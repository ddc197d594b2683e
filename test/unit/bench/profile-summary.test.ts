import { placeOf, summariseProfile, type CpuProfile } from '../../../bench/lib/profile-summary';

const ROOT = '/srv/portal';

describe('where profiled CPU time went', () => {
  it('when a frame is in a package, then it counts for the package, scoped ones with their scope', () => {
    expect(placeOf('file:///srv/portal/node_modules/express/lib/router.js', 'handle', ROOT)).toBe('express');
    expect(placeOf('file:///srv/portal/node_modules/@prisma/client/runtime/client.js', 'r', ROOT)).toBe('@prisma/client');
    expect(placeOf('file:///srv/portal/node_modules/a/node_modules/b/index.js', 'x', ROOT)).toBe('b');
  });

  it("when a frame is the portal's own, then it counts for its folder; the generated client counts as Prisma's", () => {
    expect(placeOf('file:///srv/portal/dist/src/cases/engine/apply-event.js', 'applyEvent', ROOT)).toBe('src/cases');
    expect(placeOf('file:///srv/portal/dist/src/server.js', 'main', ROOT)).toBe('src');
    expect(placeOf('file:///srv/portal/dist/src/generated/sqlite/client.js', 'x', ROOT)).toBe('prisma generated client');
  });

  it("when a frame is V8's or Node's, then it keeps that name", () => {
    expect(placeOf('', '(garbage collector)', ROOT)).toBe('(garbage collector)');
    expect(placeOf('', 'writev', ROOT)).toBe('(writev)');
    expect(placeOf('node:_http_server', 'x', ROOT)).toBe('node:_http_server');
  });

  it('when samples are summed, then idle time is left out and the largest place comes first', () => {
    const frame = (id: number, url: string, functionName = 'f') => ({ id, callFrame: { url, functionName } });
    const profile: CpuProfile = {
      nodes: [frame(1, '', '(idle)'), frame(2, 'file:///srv/portal/node_modules/pino/x.js'), frame(3, 'file:///srv/portal/dist/src/db/a.js')],
      samples: [1, 2, 3, 3, 1],
      timeDeltas: [5000, 1000, 1000, 2000, 9000],
    };
    const summary = summariseProfile(profile, ROOT);
    expect(summary.totalMs).toBe(4);
    expect(summary.groups).toEqual([
      { name: 'src/db', ms: 3, share: 75 },
      { name: 'pino', ms: 1, share: 25 },
    ]);
  });
});
