import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../identity/auth/access.decorators.js';
import { invalidProofRequest } from '../ledger.errors.js';
import { type InclusionProof, InclusionProofResponseDto } from '../proof.response.dto.js';
import { ProveInclusionQuery } from './prove-inclusion.query.js';
import { ProveInclusionRequestDto } from './prove-inclusion.request.dto.js';

@ApiTags('ledger')
@Controller('ledger/proof')
export class ProveInclusionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('inclusion')
  @Public()
  @ApiOperation({
    summary: 'An RFC 9162 inclusion proof of one event (by leaf index or event id) in a signed tree size',
  })
  @ApiOkResponse({ type: InclusionProofResponseDto })
  @ApiBadRequestResponse({
    description: 'LEDGER.BEYOND_CHECKPOINT, LEDGER.INVALID_PROOF_REQUEST, REQUEST.INVALID',
  })
  @ApiNotFoundResponse({ description: 'LEDGER.UNKNOWN_EVENT, LEDGER.NO_CHECKPOINT' })
  proveInclusion(@Query() query: ProveInclusionRequestDto): Promise<InclusionProof> {
    const { index, eventId, size } = query;
    if ((index === undefined) === (eventId === undefined)) {
      throw invalidProofRequest('Give either index or eventId');
    }
    const leaf = index === undefined ? { eventId: eventId! } : { index };
    return this.queries.execute(new ProveInclusionQuery(leaf, size));
  }
}
