import { join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { webhooksProjection } from '../../../projections/webhooks/webhooks.projection.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { HeadSubscription } from '../../event-store/subscriptions/head-subscription.js';
import { FeedReader } from '../../feed/feed-reader.js';
import { PUBLISHED_TYPES } from '../../feed/policy/event-policies.js';
import { Authenticator } from '../../identity/auth/authenticator.js';
import { CredentialsCipher } from '../../identity/credentials-cipher.js';
import { systemActor } from '../../identity/principal.js';
import { newId } from '../../shared/ids.js';
import { webhookDecider } from '../webhook.decider.js';
import { webhookStream } from '../webhook.events.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { WebhookDeliveryStore } from './delivery-store.js';
import { REAL_CLOCK } from './real-clock.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookSender } from './webhook-sender.js';
import { currentFeedAudience } from '../../feed/caller-audience.js';

const TIMEOUT_MS = 10_000;
const IDLE_MS = 5_000;
const RECONCILE_MS = 1_000;
const BATCH = 100;
const KEPT_ATTEMPTS = 1_000;

/**
 * Runs the webhook deliveries in this process: a loop per active endpoint, woken when the log grows.
 * Progress lives in `<dataDir>/webhooks.sqlite`.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly deliveries: WebhookDeliveryStore;
  private readonly dispatcher: WebhookDispatcher;
  private readonly logger = new Logger('Webhooks');
  private readonly subscription: HeadSubscription;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    registry: WebhooksReadModel,
    reader: FeedReader,
    cipher: CredentialsCipher,
    authenticator: Authenticator,
    private readonly commands: CommandRunner,
  ) {
    this.deliveries = new WebhookDeliveryStore(join(config.dataDir, 'webhooks.sqlite'), KEPT_ATTEMPTS);
    this.subscription = new HeadSubscription(
      store,
      { onEvent: () => this.dispatcher.wakeAll() },
      { types: PUBLISHED_TYPES },
      (error) => this.logger.warn(`Webhook deliveries wait for the event store: ${String(error)}`),
    );
    this.dispatcher = new WebhookDispatcher({
      registry,
      reader,
      store: this.deliveries,
      sender: new WebhookSender({ allowPrivate: config.webhookAllowPrivateTargets, timeoutMs: TIMEOUT_MS }),
      secrets: cipher,
      clock: REAL_CLOCK,
      ownerAudience: (owner) => currentFeedAudience(authenticator, owner),
      disable: (webhookId, reason, failingSince) => this.disable(webhookId, reason, failingSince),
      idleMs: IDLE_MS,
      batch: BATCH,
      onError: (webhookId, error) => this.logger.warn(`webhook ${webhookId}: ${(error as Error).message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.dispatcher.start(RECONCILE_MS);
    await this.subscription.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription.stop();
    await this.dispatcher.stop();
    this.deliveries.close();
  }

  /** Looks for new endpoints and replays now, rather than at the next round. */
  reconcile(): void {
    this.dispatcher.reconcile();
  }

  private async disable(webhookId: string, reason: string, failingSince: string): Promise<void> {
    const id = newId();
    await this.commands.run(
      webhookStream(webhookId),
      webhookDecider,
      { type: 'DisableWebhook', data: { webhookId, reason, failingSince } },
      { actor: systemActor('webhooks'), correlationId: id, causationId: id, now: new Date().toISOString() },
      { awaiting: [webhooksProjection.name] },
    );
    this.logger.warn(`webhook ${webhookId} disabled: ${reason}`);
  }
}
