import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PageResponse, PaginationQueryDto } from '../../shared/http/pagination.js';
import type { WebhookResponseDto } from '../webhook.response.dto.js';

/** The caller's own webhooks. */
export class ListWebhooksQuery extends Query<PageResponse<WebhookResponseDto>> {
  constructor(
    readonly caller: Caller,
    readonly pagination: PaginationQueryDto,
  ) {
    super();
  }
}
