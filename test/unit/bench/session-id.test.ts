import { sign } from 'cookie-signature';
import { sessionIdOf } from '../../../bench/lib/seed';

describe("the session id the benchmark's floor reads from a signed session cookie", () => {
  it('when express-session signed the id, then the id comes back without prefix and signature', () => {
    const value = encodeURIComponent(`s:${sign('Ab-_09xyz', 'geheim')}`);
    expect(sessionIdOf(`portal.sid=${value}`)).toBe('Ab-_09xyz');
  });
});
