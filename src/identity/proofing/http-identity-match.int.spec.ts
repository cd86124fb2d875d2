import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpIdentityMatch } from './http-identity-match.js';

/** A local stand-in for the registry: answers what the test says and records what it was asked. */
function registry(answer: (body: { nationalId: string; mobile: string }) => [number, string]) {
  const asked: { auth: string | undefined; body: { nationalId: string; mobile: string } }[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(raw) as { nationalId: string; mobile: string };
      asked.push({ auth: request.headers.authorization, body });
      const [status, text] = answer(body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(text);
    });
  });
  return {
    asked,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/match`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('HttpIdentityMatch against a local registry', () => {
  const config = (url: string) => ({ url, key: 'registry-key', timeoutMs: 300, cacheMs: 60_000 });

  it('asks with the key and the pair, answers matched or not, and reuses an answer for a while', async () => {
    const stand = registry(({ mobile }) => [200, JSON.stringify({ matched: mobile === '09120000001' })]);
    const url = await stand.start();
    try {
      let now = 0;
      const match = new HttpIdentityMatch(config(url), fetch, () => now);
      expect(await match.matches('0013542419', '09120000001')).toBe(true);
      expect(await match.matches('0013542419', '09350000000')).toBe(false);
      expect(await match.matches('0013542419', '09120000001')).toBe(true);
      expect(stand.asked).toEqual([
        { auth: 'Bearer registry-key', body: { nationalId: '0013542419', mobile: '09120000001' } },
        { auth: 'Bearer registry-key', body: { nationalId: '0013542419', mobile: '09350000000' } },
      ]);
      now = 60_001;
      await match.matches('0013542419', '09120000001');
      expect(stand.asked).toHaveLength(3);
    } finally {
      await stand.stop();
    }
  });

  it.each([
    ['a server error', [500, '{"matched":true}']],
    ['a malformed answer', [200, '{"matched":"yes"}']],
    ['not JSON', [200, 'ok']],
  ] as const)('never takes %s for a yes: 503 IDENTITY.MATCH_UNAVAILABLE', async (_, reply) => {
    const stand = registry(() => [...reply]);
    const url = await stand.start();
    try {
      await expect(
        new HttpIdentityMatch(config(url)).matches('0013542419', '09120000001'),
      ).rejects.toMatchObject({
        code: 'IDENTITY.MATCH_UNAVAILABLE',
        kind: 'unavailable',
      });
    } finally {
      await stand.stop();
    }
  });

  it('answers unavailable when nobody listens', async () => {
    await expect(
      new HttpIdentityMatch(config('http://127.0.0.1:9/match')).matches('0013542419', '09120000001'),
    ).rejects.toMatchObject({
      code: 'IDENTITY.MATCH_UNAVAILABLE',
    });
  });
});
