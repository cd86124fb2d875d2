import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { ownWebhook } from '../webhook-access.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query.js';
import type { WebhookDeliveryPageResponseDto } from './webhook-delivery.response.dto.js';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(
    private readonly webhooks: WebhooksReadModel,
    private readonly worker: WebhookWorker,
  ) {}

  async execute({
    caller,
    webhookId,
    request,
  }: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryPageResponseDto> {
    ownWebhook(this.webhooks, caller, webhookId);
    const found = this.worker.deliveries.attempts(webhookId, request.limit + 1, request.before);
    const items = found.slice(0, request.limit);
    const last = items.at(-1);
    return {
      items: items.map(({ seq: _seq, ...attempt }) => attempt),
      ...(found.length > request.limit && last ? { next: last.seq } : {}),
    };
  }
}
