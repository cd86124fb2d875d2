import { leafHash, rootOf } from './merkle-hashes.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { parseTilePath, tileHashes, tileLevels, tilePath, tileWidthAt } from './tlog-tiles.js';

describe('C2SP tlog-tiles', () => {
  it.each([
    [{ level: 0, index: 1234067, width: 256 }, 'tile/0/x001/x234/067'],
    [{ level: 0, index: 0, width: 256 }, 'tile/0/000'],
    [{ level: 1, index: 999, width: 17 }, 'tile/1/999.p/17'],
    [{ level: 2, index: 1000, width: 1 }, 'tile/2/x001/000.p/1'],
    [{ level: 63, index: 12, width: 255 }, 'tile/63/012.p/255'],
  ])('writes %o as %s and reads it back', (tile, path) => {
    expect(tilePath(tile)).toBe(path);
    expect(parseTilePath(path)).toEqual(tile);
  });

  it.each([
    'tile/0/1234067',
    'tile/0/x001/x234/67',
    'tile/0/001/234/067',
    'tile/0/x001',
    'tile/0/x000/256',
    'tile/0/000.p/999',
    'tile/00/000',
    'tile/64/000',
    'tile/0/000.p/0',
    'tile/0/000.p/256',
    'tile/0/000.p/012',
    'tile/0/000.p/',
    'tile/entries/000',
  ])('refuses the path %s', (path) => {
    expect(parseTilePath(path)).toBeUndefined();
  });

  it('tiles a tree of 70,000 and of 256 leaves as the spec describes', () => {
    expect(tileLevels(70_000)).toEqual([
      { level: 0, fullTiles: 273, partialWidth: 112 },
      { level: 1, fullTiles: 1, partialWidth: 17 },
      { level: 2, fullTiles: 0, partialWidth: 1 },
    ]);
    expect(tileLevels(256)).toEqual([
      { level: 0, fullTiles: 1, partialWidth: 0 },
      { level: 1, fullTiles: 0, partialWidth: 1 },
    ]);
    expect(tileLevels(0)).toEqual([]);
  });

  it('knows which tiles exist at a size, and how wide', () => {
    expect(tileWidthAt(0, 272, 70_000)).toBe(256);
    expect(tileWidthAt(0, 273, 70_000)).toBe(112);
    expect(tileWidthAt(0, 274, 70_000)).toBe(0);
    expect(tileWidthAt(1, 1, 70_000)).toBe(17);
    expect(tileWidthAt(2, 0, 70_000)).toBe(1);
    expect(tileWidthAt(3, 0, 70_000)).toBe(0);
    expect(tileWidthAt(0, 1, 256)).toBe(0);
  });

  it('serves the hashes of tree level 8·L, concatenated', () => {
    const leaves = Array.from({ length: 256 * 3 }, (_, i) => leafHash(Uint8Array.of(i % 256, i >> 8)));
    const store = new MemoryNodeStore();
    leaves.forEach((leaf) => store.append(leaf));
    const level0 = tileHashes({ level: 0, index: 2, width: 3 }, store);
    expect(Buffer.from(level0)).toEqual(Buffer.concat(leaves.slice(512, 515)));
    const level1 = tileHashes({ level: 1, index: 0, width: 3 }, store);
    expect(Buffer.from(level1)).toEqual(
      Buffer.concat([0, 1, 2].map((i) => rootOf(leaves.slice(i * 256, (i + 1) * 256)))),
    );
  });
});
