import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PARKED_LIST_LIMIT } from '../../event-store/subscriptions/parked-events.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { ParkedEventResponseDto } from '../parked-event.response.dto.js';

class ParkedEventsResponseDto {
  @ApiProperty({ type: [ParkedEventResponseDto], description: `The oldest ${PARKED_LIST_LIMIT} at most` })
  items!: ParkedEventResponseDto[];
  @ApiProperty({ description: 'How many events are parked in all' }) total!: number;
}

@ApiTags('operations')
@Controller('admin/parked-events')
export class ListParkedEventsHttpController {
  constructor(private readonly reactions: ReactionCheckpoints) {}

  @Get()
  @Roles(['admin'])
  @ApiOperation({ summary: 'The events reactions could not handle and went on without, oldest first' })
  @ApiOkResponse({ type: ParkedEventsResponseDto })
  listParkedEvents(): ParkedEventsResponseDto {
    return this.reactions.parked.list();
  }
}
