import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import type { JsonSchema } from '../schemas/event-schemas.js';
import { GetAsyncApiDocumentQuery } from './get-asyncapi-document.query.js';

@ApiTags('feed')
@Controller()
export class GetAsyncApiDocumentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('asyncapi.json')
  @Public()
  @ApiOperation({
    summary: 'The AsyncAPI 3 document of the integrator feed, its live stream and its webhooks',
  })
  @ApiOkResponse({ description: 'an AsyncAPI 3.1 document', schema: { type: 'object' } })
  async getAsyncApiDocument(@Res({ passthrough: true }) reply: FastifyReply): Promise<JsonSchema> {
    const document = await this.queries.execute(new GetAsyncApiDocumentQuery());
    void reply.header('cache-control', 'public, max-age=300');
    return document;
  }
}
