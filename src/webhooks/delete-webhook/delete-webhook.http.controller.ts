import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DeleteWebhookCommand } from './delete-webhook.command.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class DeleteWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':webhookId')
  @HttpCode(204)
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({ summary: 'Delete one of the caller’s webhooks: deliveries stop' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  deleteWebhook(@Param('webhookId') webhookId: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.commands.execute(new DeleteWebhookCommand(webhookId, caller));
  }
}
