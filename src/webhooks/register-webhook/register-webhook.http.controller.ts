import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { WebhookWithSecretResponseDto } from '../webhook.response.dto.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';
import { RegisterWebhookRequestDto } from './register-webhook.request.dto.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class RegisterWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** No Idempotency-Key: a retry must not show a secret again, so it registers another endpoint. */
  @Post()
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'Register an endpoint that receives the feed by Standard Webhooks deliveries',
    description:
      'From the head of the log on, within the owner’s feed scope; the secret is shown once. Only `https` ' +
      'in production, and never a loopback, private or link-local address.',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretResponseDto })
  @ApiBadRequestResponse({
    description: 'WEBHOOK.INVALID_URL, WEBHOOK.UNKNOWN_TYPE, WEBHOOK.UNKNOWN_CATEGORY',
  })
  @ApiForbiddenResponse({ description: 'FEED.NOT_ALLOWED, WEBHOOK.OUT_OF_SCOPE, WEBHOOK.OWNER_NOT_KEPT' })
  @ApiConflictResponse({ description: 'WEBHOOK.TOO_MANY: the owner has DAFTAR_WEBHOOKS_PER_OWNER already' })
  registerWebhook(
    @Body() body: RegisterWebhookRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookWithSecretResponseDto> {
    return this.commands.execute(new RegisterWebhookCommand(body, caller));
  }
}
