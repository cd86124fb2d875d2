import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { WebhookResponseDto } from '../webhook.response.dto.js';
import { ReplayWebhookCommand } from './replay-webhook.command.js';
import { ReplayWebhookRequestDto } from './replay-webhook.request.dto.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class ReplayWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':webhookId/replay')
  @HttpCode(200)
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'Deliver again from a feed cursor; a disabled webhook is enabled again',
    description: 'Messages keep their `webhook-id`, so a receiver that kept them can drop the repeats.',
  })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiBadRequestResponse({ description: 'FEED.INVALID_CURSOR' })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  replayWebhook(
    @Param('webhookId') webhookId: string,
    @Body() body: ReplayWebhookRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookResponseDto> {
    return this.commands.execute(new ReplayWebhookCommand(webhookId, body.from, caller));
  }
}
