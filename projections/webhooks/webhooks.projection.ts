import type { FeedAudience } from '../../src/feed/feed-audience.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookFilters,
  type WebhookOwner,
} from '../../src/webhooks/webhook.events.js';
import type { Projection } from '../projection.js';

/** A signing secret as sealed in its event; the previous one signs too until `validUntil`. */
export interface SealedSecret {
  readonly sealed: string;
  readonly validUntil?: string;
}

export interface WebhookView {
  readonly webhookId: string;
  readonly owner: WebhookOwner;
  readonly url: string;
  readonly filters: WebhookFilters;
  readonly audience: FeedAudience;
  readonly startAfter: string;
  /** The current secret first. */
  readonly secrets: readonly SealedSecret[];
  readonly status: 'active' | 'disabled';
  readonly disabledReason: string | null;
  readonly disabledAt: string | null;
  /** How many replays were asked for, and the cursor of the latest: the delivery worker applies each once. */
  readonly replays: number;
  readonly replayFrom: string | null;
  readonly registeredAt: string;
  readonly secretRotatedAt: string | null;
}

export const webhooksProjection: Projection<WebhookView, WebhookEvent> = {
  name: 'webhooks',
  version: 1,
  handles: WEBHOOK_EVENT_TYPES,
  indexes: [['owner.id', 'registeredAt'], 'status'],
  documentId: (event) => event.data.webhookId,
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'WebhookRegistered': {
        const { webhookId, owner, url, filters, audience, startAfter, secret } = event.data;
        return {
          ...{ webhookId, owner, url, filters, audience, startAfter },
          secrets: [{ sealed: secret }],
          status: 'active',
          disabledReason: null,
          disabledAt: null,
          replays: 0,
          replayFrom: null,
          registeredAt: at,
          secretRotatedAt: null,
        };
      }
      case 'WebhookSecretRotated': {
        const { secret, previousValidUntil } = event.data;
        if (!doc) return doc;
        const previous = { sealed: doc.secrets[0]!.sealed, validUntil: previousValidUntil };
        return { ...doc, secrets: [{ sealed: secret }, previous], secretRotatedAt: at };
      }
      case 'WebhookReplayRequested':
        return (
          doc && {
            ...doc,
            status: 'active',
            disabledReason: null,
            disabledAt: null,
            replays: doc.replays + 1,
            replayFrom: event.data.from,
          }
        );
      case 'WebhookDisabled':
        return doc && { ...doc, status: 'disabled', disabledReason: event.data.reason, disabledAt: at };
      case 'WebhookDeleted':
        return null;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
