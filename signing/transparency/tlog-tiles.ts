import { HASH_SIZE } from './merkle-hashes.js';
import { assertSize, type NodeReader } from './merkle-tree.js';

/** C2SP tlog-tiles: a tile holds 256 hashes; tile level L holds tree level 8·L. */
export const TILE_WIDTH = 256;
export const TILE_HEIGHT = 8;

/** Tile `index` of tile level `level`, `width` hashes wide (256 when full). */
export interface Tile {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** How a tree of some size is tiled at one tile level. */
export interface TileLevel {
  readonly level: number;
  readonly fullTiles: number;
  /** Hashes in the partial tile after the full ones; 0 when there is none. */
  readonly partialWidth: number;
}

/** `tile/<L>/<N>[.p/<W>]`, N in 3-digit elements, all but the last prefixed `x`: 1234067 → x001/x234/067. */
export function tilePath(tile: Tile): string {
  const digits = String(tile.index);
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const elements = padded.match(/\d{3}/g)!;
  const n = elements.map((element, i) => (i < elements.length - 1 ? `x${element}` : element)).join('/');
  return `tile/${tile.level}/${n}${tile.width < TILE_WIDTH ? `.p/${tile.width}` : ''}`;
}

const TILE_PATH = /^tile\/(0|[1-9]\d?)\/((?:x\d{3}\/)*)(\d{3})(?:\.p\/([1-9]\d{0,2}))?$/;

/** The tile a path names, or undefined for anything the spec does not allow (leading zeros, L > 63, W > 255). */
export function parseTilePath(path: string): Tile | undefined {
  const match = TILE_PATH.exec(path);
  if (match === null) return undefined;
  const [, level, upper, last, width] = match;
  const tile = {
    level: Number(level),
    index: Number(upper!.replaceAll('x', '').replaceAll('/', '') + last),
    width: width === undefined ? TILE_WIDTH : Number(width),
  };
  // Only the one spelling tilePath writes (no x000 group, no .p/256): each tile has a single URL to cache.
  return tile.level <= 63 && Number.isSafeInteger(tile.index) && tilePath(tile) === path ? tile : undefined;
}

/** Every tile level of a tree of `size` leaves, bottom up: 70,000 → 273 + 112/256, 1 + 17/256, 0 + 1/256. */
export function tileLevels(size: number): TileLevel[] {
  assertSize(size);
  const levels: TileLevel[] = [];
  for (let level = 0, hashes = size; hashes > 0; level++, hashes = Math.floor(hashes / TILE_WIDTH)) {
    levels.push({ level, fullTiles: Math.floor(hashes / TILE_WIDTH), partialWidth: hashes % TILE_WIDTH });
  }
  return levels;
}

/** How many hashes tile (level, index) has in a tree of `size` leaves: 256 when full, 0 when absent. */
export function tileWidthAt(level: number, index: number, size: number): number {
  const tiling = tileLevels(size)[level];
  if (tiling === undefined || index > tiling.fullTiles) return 0;
  return index < tiling.fullTiles ? TILE_WIDTH : tiling.partialWidth;
}

/** The tile's bytes: its hashes, each the complete subtree at tree level 8·L, concatenated. */
export function tileHashes(tile: Tile, reader: NodeReader): Uint8Array {
  const bytes = new Uint8Array(tile.width * HASH_SIZE);
  for (let i = 0; i < tile.width; i++) {
    bytes.set(reader.node(tile.level * TILE_HEIGHT, tile.index * TILE_WIDTH + i), i * HASH_SIZE);
  }
  return bytes;
}
