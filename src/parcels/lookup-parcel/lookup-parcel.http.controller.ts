import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PublicAnswers } from '../../shared/http/public-answers.js';
import { LookupParcelQuery } from './lookup-parcel.query.js';
import { ParcelLookupResponseDto } from './parcel-lookup.response.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class LookupParcelHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly answers: PublicAnswers,
  ) {}

  @Get(':renewalCode')
  @Public()
  @ApiPurposeHeader()
  @ApiOperation({
    summary: 'What may be built on a parcel, by the rule set in force, and whether it owes anything',
  })
  @ApiQuery({
    name: 'municipality',
    required: false,
    description: 'needed only when the code exists in several',
  })
  @ApiOkResponse({ type: ParcelLookupResponseDto })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND' })
  @Header('content-type', 'application/json; charset=utf-8')
  lookupParcel(
    @Param('renewalCode') renewalCode: string,
    @Query('municipality') municipality: string | undefined,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ): Promise<string> {
    // Anyone who is not signed in sees the same public limits.
    if (caller.principal === undefined) this.answers.offer(request);
    return this.queries.execute(new LookupParcelQuery(renewalCode, municipality, caller));
  }
}
