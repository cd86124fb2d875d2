import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../identity/auth/access.decorators.js';
import type { CheckpointPage } from './checkpoint-page.response.dto.js';
import { CheckpointPageResponseDto } from './checkpoint-page.response.dto.js';
import { ListCheckpointsRequestDto } from './list-checkpoints.request.dto.js';
import { ListCheckpointsQuery } from './list-checkpoints.query.js';

@ApiTags('ledger')
@Controller('ledger')
export class ListCheckpointsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('checkpoints')
  @Public()
  @ApiOperation({ summary: 'Every signed checkpoint of the ledger, by tree size, oldest first' })
  @ApiOkResponse({ type: CheckpointPageResponseDto })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID' })
  listCheckpoints(@Query() query: ListCheckpointsRequestDto): Promise<CheckpointPage> {
    return this.queries.execute(new ListCheckpointsQuery(query.after, query.pageSize));
  }
}
