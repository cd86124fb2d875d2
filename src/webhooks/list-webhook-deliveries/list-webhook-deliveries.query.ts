import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { ListWebhookDeliveriesRequestDto } from './list-webhook-deliveries.request.dto.js';
import type { WebhookDeliveryPageResponseDto } from './webhook-delivery.response.dto.js';

/** The newest delivery attempts to one of the caller's endpoints first. */
export class ListWebhookDeliveriesQuery extends Query<WebhookDeliveryPageResponseDto> {
  constructor(
    readonly caller: Caller,
    readonly webhookId: string,
    readonly request: ListWebhookDeliveriesRequestDto,
  ) {
    super();
  }
}
