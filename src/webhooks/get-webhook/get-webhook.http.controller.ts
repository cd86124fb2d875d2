import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { WebhookResponseDto } from '../webhook.response.dto.js';
import { GetWebhookQuery } from './get-webhook.query.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class GetWebhookHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':webhookId')
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'One of the caller’s webhooks: where its deliveries stand, and why it was disabled',
  })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND, also for another owner’s webhook' })
  getWebhook(
    @Param('webhookId') webhookId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookResponseDto> {
    return this.queries.execute(new GetWebhookQuery(caller, webhookId));
  }
}
