import type { FeedAudience } from '../feed/feed-audience.js';
import type { WebhookFilters, WebhookOwner } from './webhook.events.js';

/** The event types the feed publishes, each with its category (from the feed's data policy). */
export type PublishedTypes = Readonly<Record<string, string>>;

export type WebhookCommand =
  | {
      readonly type: 'RegisterWebhook';
      readonly data: {
        readonly webhookId: string;
        readonly owner: WebhookOwner;
        /** How the owner signed in: Daftar must be able to look their access up at every delivery. */
        readonly ownerSignedInBy: 'password_token' | 'oidc' | 'api_key';
        readonly url: string;
        readonly filters: WebhookFilters;
        /** The owner's whole feed audience: the filters may only narrow it. */
        readonly ownerAudience: FeedAudience;
        readonly startAfter: string;
        readonly secret: string;
        readonly published: PublishedTypes;
        /** The owner's webhooks now, and how many one owner may have: each reads the log on its own. */
        readonly ownerWebhooks: number;
        readonly maxPerOwner: number;
      };
    }
  | {
      readonly type: 'RotateWebhookSecret';
      readonly data: {
        readonly webhookId: string;
        readonly owner: WebhookOwner;
        readonly secret: string;
        readonly previousValidUntil: string;
      };
    }
  | {
      readonly type: 'ReplayWebhook';
      readonly data: { readonly webhookId: string; readonly owner: WebhookOwner; readonly from: string };
    }
  | {
      readonly type: 'DeleteWebhook';
      readonly data: { readonly webhookId: string; readonly owner: WebhookOwner };
    }
  | {
      readonly type: 'DisableWebhook';
      readonly data: { readonly webhookId: string; readonly reason: string; readonly failingSince: string };
    };
