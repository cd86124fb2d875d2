import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query.js';
import { ListWebhookDeliveriesRequestDto } from './list-webhook-deliveries.request.dto.js';
import { WebhookDeliveryPageResponseDto } from './webhook-delivery.response.dto.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class ListWebhookDeliveriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':webhookId/deliveries')
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'The delivery log of one of the caller’s webhooks, newest first (the last 1,000)',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageResponseDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  listWebhookDeliveries(
    @Param('webhookId') webhookId: string,
    @Query() request: ListWebhookDeliveriesRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryPageResponseDto> {
    return this.queries.execute(new ListWebhookDeliveriesQuery(caller, webhookId, request));
  }
}
