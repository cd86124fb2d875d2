import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { GetTileQuery } from './get-tile.query.js';

/** A tile never changes: a wider partial tile has another path (`.p/<W>`), a full one none. */
const TILE_CACHING = 'public, max-age=31536000, immutable';
const PREFIX = '/ledger/tile/';

@ApiTags('ledger')
@Controller('ledger/tile')
export class GetTileHttpController {
  constructor(private readonly queries: QueryBus) {}

  // The raw path, not Fastify's decoded wildcard: only the canonical spelling names a tile (no %30).
  // OpenAPI documents it as {path}.
  @Get('*')
  @Public()
  @ApiOperation({
    summary: 'A tile of the ledger’s tree (C2SP tlog-tiles), within the latest signed checkpoint',
    description:
      'With GET /ledger/checkpoint this is a tlog-tiles log at prefix /ledger. Level-0 entry bundles ' +
      '(tile/entries/…) are not served.',
  })
  @ApiParam({
    name: 'path',
    description: '`<L>/<N>[.p/<W>]`, N in 3-digit groups: 1234067 is x001/x234/067',
    example: '0/x001/x234/067.p/8',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'the tile’s SHA-256 hashes (32 bytes each), concatenated',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'LEDGER.INVALID_TILE_PATH' })
  @ApiNotFoundResponse({ description: 'LEDGER.NO_SUCH_TILE: not (yet) in the latest signed checkpoint' })
  async getTile(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const path = request.url.split('?')[0]!;
    const bytes = await this.queries.execute(
      new GetTileQuery(`tile/${path.slice(path.indexOf(PREFIX) + PREFIX.length)}`),
    );
    void reply.type('application/octet-stream').header('cache-control', TILE_CACHING);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}
