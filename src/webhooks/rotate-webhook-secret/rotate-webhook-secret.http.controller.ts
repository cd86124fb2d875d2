import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { WebhookWithSecretResponseDto } from '../webhook.response.dto.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';
import { RotateWebhookSecretRequestDto } from './rotate-webhook-secret.request.dto.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class RotateWebhookSecretHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':webhookId/secret')
  @HttpCode(200)
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'Rotate a webhook’s signing secret; the new one is shown once',
    description: 'Until `previousSecretValidUntil`, `webhook-signature` carries a signature by each secret.',
  })
  @ApiOkResponse({ type: WebhookWithSecretResponseDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  rotateWebhookSecret(
    @Param('webhookId') webhookId: string,
    @Body() body: RotateWebhookSecretRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookWithSecretResponseDto> {
    return this.commands.execute(new RotateWebhookSecretCommand(webhookId, body, caller));
  }
}
