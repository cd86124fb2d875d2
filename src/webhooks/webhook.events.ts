import type { FeedAudience } from '../feed/feed-audience.js';

/** Who registered a webhook: the user or API key whose feed scope bounds what it receives. */
export interface WebhookOwner {
  readonly id: string;
  readonly kind: 'user' | 'api_key';
}

/** What an endpoint asked for, within its owner's scope; absent lists: all the owner may see. */
export interface WebhookFilters {
  readonly types?: readonly string[];
  readonly categories?: readonly string[];
  readonly municipalities?: readonly string[];
}

/**
 * An integrator's endpoint that receives the feed by Standard Webhooks deliveries. Secrets are sealed
 * with the credentials key (`enc:v1:…`), never stored as they are: the log outlives any one secret.
 */
export type WebhookEvent =
  | {
      readonly type: 'WebhookRegistered';
      readonly data: {
        readonly webhookId: string;
        readonly owner: WebhookOwner;
        readonly url: string;
        readonly filters: WebhookFilters;
        /** The owner's feed audience narrowed by the filters: what deliveries are read as. */
        readonly audience: FeedAudience;
        /** The feed cursor deliveries start after: the head of the log when it was registered. */
        readonly startAfter: string;
        readonly secret: string;
      };
    }
  | {
      readonly type: 'WebhookSecretRotated';
      readonly data: {
        readonly webhookId: string;
        readonly secret: string;
        /** Until then deliveries are signed with the previous secret as well. */
        readonly previousValidUntil: string;
      };
    }
  | {
      readonly type: 'WebhookReplayRequested';
      readonly data: { readonly webhookId: string; readonly from: string };
    }
  | {
      readonly type: 'WebhookDisabled';
      readonly data: { readonly webhookId: string; readonly reason: string; readonly failingSince: string };
    }
  | { readonly type: 'WebhookDeleted'; readonly data: { readonly webhookId: string } };

export type WebhookEventType = WebhookEvent['type'];
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'WebhookRegistered',
  'WebhookSecretRotated',
  'WebhookReplayRequested',
  'WebhookDisabled',
  'WebhookDeleted',
];
export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;
