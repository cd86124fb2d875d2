import { Controller, HttpCode, Logger, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  parkedEventNotFound,
  ReactionSubscriber,
  type RetryOutcome,
} from '../../event-store/subscriptions/reaction-subscriber.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';

class RetryFailureDto {
  @ApiProperty() eventId!: string;
  @ApiProperty() message!: string;
}

class RetryOutcomeDto {
  @ApiProperty({ enum: ['processed', 'failed'], description: 'Whether the event asked for was handled' })
  outcome!: 'processed' | 'failed';
  @ApiProperty({
    type: [String],
    description: 'Handled and no longer parked: the event, then those of its stream parked behind it',
  })
  processed!: readonly string[];
  @ApiPropertyOptional({ type: RetryFailureDto, description: 'The event that failed again and stays parked' })
  failure?: RetryFailureDto;
}

@ApiTags('operations')
@Controller('admin/parked-events')
export class RetryParkedEventHttpController {
  private readonly logger = new Logger('Reactions');

  constructor(private readonly subscribers: SubscriberRunner) {}

  @Post(':subscriber/:eventId/retry')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({
    summary:
      'Run the reaction again on a parked event (after its cause is fixed), then on those held behind it',
  })
  @ApiOkResponse({
    type: RetryOutcomeDto,
    description: 'What the retry came to; a failed event stays parked',
  })
  @ApiNotFoundResponse({ description: 'PARKED_EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARKED_EVENT.NOT_FIRST: an earlier event of its stream is parked' })
  async retryParkedEvent(
    @Param('subscriber') name: string,
    @Param('eventId') eventId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RetryOutcome> {
    const subscriber = this.subscribers.subscriber(name);
    if (!(subscriber instanceof ReactionSubscriber)) throw parkedEventNotFound(name, eventId);
    this.logger.log(`${caller.signedIn.id} retries ${name} ${eventId}`);
    return subscriber.retry(eventId);
  }
}
