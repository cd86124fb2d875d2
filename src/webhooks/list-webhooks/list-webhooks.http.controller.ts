import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEED_PERMISSION, FEED_ROLES } from '../../feed/feed-audience.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PageOf, PaginationQueryDto, type PageResponse } from '../../shared/http/pagination.js';
import { WebhookResponseDto } from '../webhook.response.dto.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class ListWebhooksHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({ summary: 'The caller’s own webhooks, oldest first (never their secrets)' })
  @ApiOkResponse({ type: PageOf(WebhookResponseDto) })
  listWebhooks(
    @Query() pagination: PaginationQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PageResponse<WebhookResponseDto>> {
    return this.queries.execute(new ListWebhooksQuery(caller, pagination));
  }
}
