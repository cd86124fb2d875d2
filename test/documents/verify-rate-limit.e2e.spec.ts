import { startTestApp, type TestApp } from '../support/test-app.js';

/** The verification limiter counts by client address: whose, depends on DAFTAR_TRUSTED_PROXIES. */
describe('the address the verification rate limit counts', () => {
  const verifyFrom = (t: TestApp, forwardedFor: string) =>
    t.app.inject({
      method: 'GET',
      // An unknown code is counted like any other: the limit comes before the look-up.
      url: '/v/UNKNOWN-CODE',
      headers: { 'x-forwarded-for': forwardedFor },
    });
  const statuses = async (t: TestApp, addresses: string[]) => {
    const answered: number[] = [];
    for (const address of addresses) answered.push((await verifyFrom(t, address)).statusCode);
    return answered;
  };

  describe('with no trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { DAFTAR_VERIFY_RATE_LIMIT: '2' } });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For: every request counts under the peer address', async () => {
      expect(await statuses(t, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([404, 404, 429]);
    });
  });

  describe('behind a trusted proxy at 127.0.0.1', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        env: { DAFTAR_VERIFY_RATE_LIMIT: '2', DAFTAR_TRUSTED_PROXIES: '127.0.0.1' },
      });
    });
    afterAll(() => t.close());

    it('counts each client the proxy names apart', async () => {
      expect(await statuses(t, ['198.51.100.1', '198.51.100.1', '198.51.100.1'])).toEqual([404, 404, 429]);
      expect(await statuses(t, ['198.51.100.2'])).toEqual([404]);
    });

    it('counts the IPv6 addresses of one /64 together', async () => {
      expect(await statuses(t, ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:2::7'])).toEqual([
        404, 404, 429,
      ]);
      expect(await statuses(t, ['2001:db8:1:3::1'])).toEqual([404]);
    });
  });
});
