import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { GetLedgerKeyQuery } from './get-ledger-key.query.js';

@ApiTags('ledger')
@Controller('.well-known/daftar')
export class GetLedgerKeyHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('ledger-key')
  @Public()
  @ApiOperation({
    summary: 'The verifier key of the ledger checkpoints (signed-note <name>+<key id>+<base64 key>)',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'the Ed25519 verifier key' })
  async getLedgerKey(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const key = await this.queries.execute(new GetLedgerKeyQuery());
    void reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return key;
  }
}
