import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { WebhookResponseDto } from '../webhook.response.dto.js';

/** Moves the endpoint's checkpoint to a cursor (back, or on), and enables it again if it was disabled. */
export class ReplayWebhookCommand extends Command<WebhookResponseDto> {
  constructor(
    readonly webhookId: string,
    readonly from: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
