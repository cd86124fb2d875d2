import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import type { JsonSchema } from '../schemas/event-schemas.js';
import { GetEventSchemaQuery } from './get-event-schema.query.js';

export const SCHEMA_CONTENT_TYPE = 'application/schema+json';

// Public: a schema describes shapes, never data; integrators fetch them before they hold a key.
@ApiTags('feed')
@Controller('feed/schemas')
export class GetEventSchemaHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':type')
  @Public()
  @ApiOperation({
    summary: 'The JSON Schema of a public event type’s data, as the feed publishes it',
    description:
      'The current version’s schema, generated from the event’s TypeScript type: secrets left out, ' +
      'personal fields described as masked or left out without the `pii` scope.',
  })
  @ApiParam({
    name: 'type',
    description: 'The CloudEvents type, or the event type with or without `.v<version>`',
    example: 'ir.daftar.permit.PermitIssued.v1',
  })
  @ApiProduces(SCHEMA_CONTENT_TYPE)
  @ApiOkResponse({ description: 'a JSON Schema (draft-07)', schema: { type: 'object' } })
  @ApiNotFoundResponse({ description: 'FEED.UNKNOWN_SCHEMA' })
  async getEventSchema(
    @Param('type') type: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JsonSchema> {
    const schema = await this.queries.execute(new GetEventSchemaQuery(type));
    void reply.type(SCHEMA_CONTENT_TYPE).header('cache-control', 'public, max-age=300');
    return schema;
  }
}
