import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listPage, type PageResponse } from '../../shared/http/pagination.js';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { webhookOwner } from '../webhook-access.js';
import { toWebhookResponse, type WebhookResponseDto } from '../webhook.response.dto.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(
    private readonly webhooks: WebhooksReadModel,
    private readonly worker: WebhookWorker,
  ) {}

  async execute({ caller, pagination }: ListWebhooksQuery): Promise<PageResponse<WebhookResponseDto>> {
    const { owner } = webhookOwner(caller);
    return listPage(
      this.webhooks,
      pagination,
      { where: { 'owner.id': owner.id }, orderBy: 'registeredAt' },
      (view) => toWebhookResponse(view, this.worker.deliveries.progress(view.webhookId)),
    );
  }
}
