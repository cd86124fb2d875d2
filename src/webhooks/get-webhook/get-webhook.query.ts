import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { WebhookResponseDto } from '../webhook.response.dto.js';

export class GetWebhookQuery extends Query<WebhookResponseDto> {
  constructor(
    readonly caller: Caller,
    readonly webhookId: string,
  ) {
    super();
  }
}
