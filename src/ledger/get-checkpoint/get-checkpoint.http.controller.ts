import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { GetCheckpointQuery } from './get-checkpoint.query.js';

@ApiTags('ledger')
@Controller('ledger')
export class GetCheckpointHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('checkpoint')
  @Public()
  @ApiOperation({
    summary: 'The latest signed checkpoint of the ledger (C2SP tlog-checkpoint signed note)',
    description: 'Verify it with the key of GET /.well-known/daftar/ledger-key.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'origin, tree size, root hash, signature' })
  @ApiNotFoundResponse({ description: 'LEDGER.NO_CHECKPOINT' })
  async getCheckpoint(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const note = await this.queries.execute(new GetCheckpointQuery());
    void reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache');
    return note;
  }
}
