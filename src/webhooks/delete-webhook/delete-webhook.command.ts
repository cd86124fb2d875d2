import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';

/** Deliveries stop, and the endpoint's progress and log are forgotten. */
export class DeleteWebhookCommand extends Command<void> {
  constructor(
    readonly webhookId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
