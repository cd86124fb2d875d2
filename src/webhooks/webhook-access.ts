import type { WebhookView } from '../../projections/webhooks/webhooks.projection.js';
import { feedAudience } from '../feed/caller-audience.js';
import type { FeedAudience } from '../feed/feed-audience.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import { webhookNotFound } from './webhook.decider.js';
import type { WebhookOwner } from './webhook.events.js';
import type { WebhooksReadModel } from './webhooks.read-model.js';

/** Webhooks are the feed's other door: whoever may not read the feed (FEED.NOT_ALLOWED) owns none. */
export function webhookOwner(caller: Caller): { owner: WebhookOwner; audience: FeedAudience } {
  const audience = feedAudience(caller);
  const { id, kind } = caller.signedIn;
  return { owner: { id, kind }, audience };
}

export function ownWebhook(webhooks: WebhooksReadModel, caller: Caller, webhookId: string): WebhookView {
  const view = webhooks.own(webhookOwner(caller).owner, webhookId);
  if (!view) throw webhookNotFound(webhookId);
  return view;
}
