import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PERMIT_READERS } from '../permit-access.js';
import { GetPermitQuery } from './get-permit.query.js';
import { PermitResponseDto } from './permit.response.dto.js';

@ApiTags('permits')
@Controller('permits')
export class GetPermitHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles(PERMIT_READERS)
  @ApiPurposeHeader()
  @ApiOperation({
    summary: 'A building-permit file: its status, documents, survey, map order, design and fees',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @ApiOkResponse({ type: PermitResponseDto })
  @ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not the caller’s to see' })
  async getPermit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PermitResponseDto> {
    const permit = await this.queries.execute(new GetPermitQuery(caller, id));
    // The ETag is the stream revision: send it back in If-Match to act on the file as seen.
    void reply.header('etag', `"${permit.revision}"`);
    return permit;
  }
}
