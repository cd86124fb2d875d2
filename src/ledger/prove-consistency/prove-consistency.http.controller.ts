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
import { type ConsistencyProof, ConsistencyProofResponseDto } from '../proof.response.dto.js';
import { ProveConsistencyQuery } from './prove-consistency.query.js';
import { ProveConsistencyRequestDto } from './prove-consistency.request.dto.js';

@ApiTags('ledger')
@Controller('ledger/proof')
export class ProveConsistencyHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('consistency')
  @Public()
  @ApiOperation({ summary: 'An RFC 9162 consistency proof between two signed tree sizes' })
  @ApiOkResponse({ type: ConsistencyProofResponseDto })
  @ApiBadRequestResponse({
    description: 'LEDGER.BEYOND_CHECKPOINT, LEDGER.INVALID_PROOF_REQUEST, REQUEST.INVALID',
  })
  @ApiNotFoundResponse({ description: 'LEDGER.NO_CHECKPOINT' })
  proveConsistency(@Query() query: ProveConsistencyRequestDto): Promise<ConsistencyProof> {
    return this.queries.execute(new ProveConsistencyQuery(query.from, query.to));
  }
}
