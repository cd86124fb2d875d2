import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { ownWebhook } from '../webhook-access.js';
import { toWebhookResponse, type WebhookResponseDto } from '../webhook.response.dto.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { GetWebhookQuery } from './get-webhook.query.js';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(
    private readonly webhooks: WebhooksReadModel,
    private readonly worker: WebhookWorker,
  ) {}

  async execute({ caller, webhookId }: GetWebhookQuery): Promise<WebhookResponseDto> {
    const view = ownWebhook(this.webhooks, caller, webhookId);
    return toWebhookResponse(view, this.worker.deliveries.progress(webhookId));
  }
}
