import { Module } from '@nestjs/common';
import { FeedModule } from '../feed/feed.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { WebhookWorker } from './delivery/webhook-worker.js';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler.js';
import { DeleteWebhookHttpController } from './delete-webhook/delete-webhook.http.controller.js';
import { GetWebhookHandler } from './get-webhook/get-webhook.handler.js';
import { GetWebhookHttpController } from './get-webhook/get-webhook.http.controller.js';
import { ListWebhookDeliveriesHandler } from './list-webhook-deliveries/list-webhook-deliveries.handler.js';
import { ListWebhookDeliveriesHttpController } from './list-webhook-deliveries/list-webhook-deliveries.http.controller.js';
import { ListWebhooksHandler } from './list-webhooks/list-webhooks.handler.js';
import { ListWebhooksHttpController } from './list-webhooks/list-webhooks.http.controller.js';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler.js';
import { RegisterWebhookHttpController } from './register-webhook/register-webhook.http.controller.js';
import { ReplayWebhookHandler } from './replay-webhook/replay-webhook.handler.js';
import { ReplayWebhookHttpController } from './replay-webhook/replay-webhook.http.controller.js';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret/rotate-webhook-secret.handler.js';
import { RotateWebhookSecretHttpController } from './rotate-webhook-secret/rotate-webhook-secret.http.controller.js';
import { WebhooksReadModel } from './webhooks.read-model.js';

/** Integrators' endpoints that receive the feed by Standard Webhooks deliveries. */
@Module({
  imports: [FeedModule, IdentityModule],
  controllers: [
    RegisterWebhookHttpController,
    ListWebhooksHttpController,
    GetWebhookHttpController,
    DeleteWebhookHttpController,
    RotateWebhookSecretHttpController,
    ReplayWebhookHttpController,
    ListWebhookDeliveriesHttpController,
  ],
  providers: [
    WebhooksReadModel,
    WebhookWorker,
    RegisterWebhookHandler,
    ListWebhooksHandler,
    GetWebhookHandler,
    DeleteWebhookHandler,
    RotateWebhookSecretHandler,
    ReplayWebhookHandler,
    ListWebhookDeliveriesHandler,
  ],
})
export class WebhooksModule {}
