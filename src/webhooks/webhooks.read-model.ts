import { Injectable } from '@nestjs/common';
import { webhooksProjection, type WebhookView } from '../../projections/webhooks/webhooks.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import type { WebhookRegistry } from './delivery/endpoint-loop.js';
import type { WebhookOwner } from './webhook.events.js';

const PAGE = 500;

@Injectable()
export class WebhooksReadModel extends Documents<WebhookView> implements WebhookRegistry {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, webhooksProjection.name);
  }

  /** The owner's webhook, or undefined for another's: theirs is not found either. */
  own(owner: WebhookOwner, webhookId: string): WebhookView | undefined {
    const view = this.get(webhookId);
    return view?.owner.id === owner.id ? view : undefined;
  }

  ownedBy(owner: WebhookOwner, limit: number): WebhookView[] {
    return this.list({ where: { 'owner.id': owner.id }, orderBy: 'registeredAt', limit }).items;
  }

  /** Deleted ones aside; disabled ones count, since a replay enables them again. */
  countOwnedBy(owner: WebhookOwner): number {
    return this.list({ where: { 'owner.id': owner.id }, limit: 1 }).total;
  }

  active(): readonly WebhookView[] {
    const views: WebhookView[] = [];
    for (let page = this.list({ where: { status: 'active' }, limit: PAGE }); ;) {
      views.push(...page.items);
      if (!page.next) return views;
      page = this.list({ where: { status: 'active' }, limit: PAGE, after: page.next });
    }
  }
}
