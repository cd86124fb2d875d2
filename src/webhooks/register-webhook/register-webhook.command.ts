import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { WebhookWithSecretResponseDto } from '../webhook.response.dto.js';
import type { RegisterWebhookRequestDto } from './register-webhook.request.dto.js';

export class RegisterWebhookCommand extends Command<WebhookWithSecretResponseDto> {
  constructor(
    readonly request: RegisterWebhookRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
