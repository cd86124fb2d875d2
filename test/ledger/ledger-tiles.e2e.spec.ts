import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { newId } from '../../src/shared/ids.js';
import { call } from '../support/http.js';
import { ledgerKey, signedCheckpoint } from '../support/ledger-http.js';
import { merkleTreeHash } from '../support/rfc9162.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

// C2SP tlog-tiles written out here, apart from the production code.
const WIDTH = 256;
/** N in 3-digit elements, all but the last prefixed x: 1234067 → x001/x234/067. */
function tileIndexPath(n: number): string {
  const groups: string[] = [];
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
}
const tileUrl = (level: number, n: number, width = WIDTH) =>
  `/ledger/tile/${level}/${tileIndexPath(n)}${width < WIDTH ? `.p/${width}` : ''}`;
const hashesOf = (bytes: Buffer) =>
  Array.from({ length: bytes.length / 32 }, (_, i) => bytes.subarray(i * 32, (i + 1) * 32));

describe('the ledger as C2SP tlog-tiles', () => {
  let t: TestApp;
  let size: number;
  let root: Buffer;

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    // More than one full tile at level 0, so that level 1 has a hash too.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const { events } = await store.readAll(undefined, { maxCount: 100_000 });
    const notes = Array.from({ length: Math.max(0, WIDTH + 40 - events.length) }, () => newId()).map(
      (id) => ({
        id,
        type: 'TileTestNote',
        data: {},
        metadata: {
          actor: { id: 'test', role: 'system' },
          correlationId: id,
          causationId: id,
          recordedAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      }),
    );
    await store.append('tiletest-1', notes, { expectedRevision: 'any' });
    ({ size, root } = await signedCheckpoint(t.app, await ledgerKey(t.app), events.length + notes.length));
  }, 60_000);
  afterAll(() => t.close());

  async function tile(level: number, n: number, width: number): Promise<Buffer[]> {
    const res = await call(t.app, 'GET', tileUrl(level, n, width));
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/octet-stream']);
    // A partial tile of width W never changes either: a wider one has another path.
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBe(width * 32);
    return hashesOf(res.rawPayload);
  }

  it('serves the tiles of the signed size, from which the signed root is recomputed', async () => {
    expect(size).toBeGreaterThan(WIDTH);
    const leaves: Buffer[] = [];
    for (let n = 0; n * WIDTH < size; n++) {
      leaves.push(...(await tile(0, n, Math.min(WIDTH, size - n * WIDTH))));
    }
    expect(leaves).toHaveLength(size);
    expect(merkleTreeHash(leaves).equals(root)).toBe(true);

    const subtrees = await tile(1, 0, Math.floor(size / WIDTH));
    subtrees.forEach((hash, i) =>
      expect(hash.equals(merkleTreeHash(leaves, i * WIDTH, (i + 1) * WIDTH))).toBe(true),
    );
    const fromLevel1 = (lo: number, hi: number) =>
      hi - lo === WIDTH && lo % WIDTH === 0 ? subtrees[lo / WIDTH] : undefined;
    expect(merkleTreeHash(leaves, 0, size, fromLevel1).equals(root)).toBe(true);

    const older = await tile(0, 0, 3);
    expect(older).toEqual(leaves.slice(0, 3));
  });

  it('answers 404 LEDGER.NO_SUCH_TILE for a tile beyond the signed size', async () => {
    const last = Math.floor(size / WIDTH);
    const partial = size % WIDTH;
    const beyond = [
      tileUrl(0, last),
      tileUrl(0, last + 1, 1),
      tileUrl(1, 0),
      tileUrl(2, 0, 1),
      ...(partial < WIDTH - 1 ? [tileUrl(0, last, partial + 1)] : []),
    ];
    for (const url of beyond) {
      const res = await call(t.app, 'GET', url);
      expect([url, res.statusCode, (res.json() as { code: string }).code]).toEqual([
        url,
        404,
        'LEDGER.NO_SUCH_TILE',
      ]);
    }
  });

  it.each([
    '0/1',
    '0/0001',
    '0/x000/001',
    '0/x001',
    '00/000',
    '64/000',
    '0/000.p/0',
    '0/000.p/256',
    '0/000.p/01',
    'a/000',
    'entries/000',
    '0/000/',
    '0/%30%30%30',
    '0/000.p/%31',
  ])('answers 400 LEDGER.INVALID_TILE_PATH for tile/%s', async (path) => {
    const res = await call(t.app, 'GET', `/ledger/tile/${path}`);
    expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([
      400,
      'LEDGER.INVALID_TILE_PATH',
    ]);
  });

  it('echoes at most 100 characters of a malformed path', async () => {
    const res = await call(t.app, 'GET', `/ledger/tile/0/${'9'.repeat(2000)}`);
    const { detail } = res.json() as { detail: string };
    expect(detail).toMatch(/^tile\/0\/9{93}… is not a tile path/);
  });
});
