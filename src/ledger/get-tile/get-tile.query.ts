import { Query } from '@nestjs/cqrs';

/** One C2SP tlog-tiles tile of the signed tree, its hashes concatenated, by its path (`tile/<L>/<N>[.p/<W>]`). */
export class GetTileQuery extends Query<Uint8Array> {
  constructor(readonly path: string) {
    super();
  }
}
