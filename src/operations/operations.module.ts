import { Module } from '@nestjs/common';
import { ListParkedEventsHttpController } from './list-parked-events/list-parked-events.http.controller.js';
import { RetryParkedEventHttpController } from './retry-parked-event/retry-parked-event.http.controller.js';

/** What operators do to the running system: see and retry the events reactions parked. */
@Module({
  controllers: [ListParkedEventsHttpController, RetryParkedEventHttpController],
})
export class OperationsModule {}
