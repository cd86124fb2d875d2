import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { WebhookWithSecretResponseDto } from '../webhook.response.dto.js';
import type { RotateWebhookSecretRequestDto } from './rotate-webhook-secret.request.dto.js';

export class RotateWebhookSecretCommand extends Command<WebhookWithSecretResponseDto> {
  constructor(
    readonly webhookId: string,
    readonly request: RotateWebhookSecretRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
