import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseTilePath, tileHashes, tileWidthAt } from '../../../signing/transparency/tlog-tiles.js';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import { LedgerTree } from '../ledger-tree.js';
import { invalidTilePath, noSuchTile } from '../ledger.errors.js';
import { GetTileQuery } from './get-tile.query.js';

/**
 * Tiles of the latest checkpoint's tree only, like proofs: a mirror then never holds hashes that no
 * signed root commits to. Stored nodes never change, so a narrower partial tile of an older checkpoint
 * is served too.
 */
@QueryHandler(GetTileQuery)
export class GetTileHandler implements IQueryHandler<GetTileQuery> {
  constructor(
    private readonly tree: LedgerTree,
    private readonly checkpoints: LedgerCheckpoints,
  ) {}

  execute({ path }: GetTileQuery): Promise<Uint8Array> {
    const tile = parseTilePath(path);
    if (!tile) throw invalidTilePath(path);
    const signed = this.checkpoints.latest()?.size ?? 0;
    if (tile.width > tileWidthAt(tile.level, tile.index, signed)) throw noSuchTile(path, signed);
    return Promise.resolve(tileHashes(tile, this.tree));
  }
}
