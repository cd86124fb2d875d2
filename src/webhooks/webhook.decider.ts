import type { Decider } from '../event-store/command-handling/decider.js';
import type { FeedAudience } from '../feed/feed-audience.js';
import { DomainError } from '../shared/domain-error.js';
import { deliveryAudience } from './webhook-audience.js';
import type { PublishedTypes, WebhookCommand } from './webhook.commands.js';
import type { WebhookEvent, WebhookFilters } from './webhook.events.js';
import { evolveWebhook, initialWebhookState, type WebhookState } from './webhook.state.js';

type Decision = readonly WebhookEvent[] | DomainError;

export const webhookNotFound = (webhookId: string) =>
  new DomainError('WEBHOOK.NOT_FOUND', `No webhook ${webhookId}`, 'not_found');

/** Another owner's webhook is as absent as a deleted one: its existence is not theirs to learn. */
function decide(command: WebhookCommand, state: WebhookState): Decision {
  if (command.type === 'RegisterWebhook') return register(command.data, state);
  const { webhookId } = command.data;
  if (state.status === 'absent' || state.status === 'deleted') return webhookNotFound(webhookId);
  if (command.type === 'DisableWebhook') {
    return state.status === 'active' ? [{ type: 'WebhookDisabled', data: command.data }] : [];
  }
  if (state.owner.id !== command.data.owner.id) return webhookNotFound(webhookId);
  switch (command.type) {
    case 'RotateWebhookSecret': {
      const { secret, previousValidUntil } = command.data;
      return [{ type: 'WebhookSecretRotated', data: { webhookId, secret, previousValidUntil } }];
    }
    case 'ReplayWebhook':
      return [{ type: 'WebhookReplayRequested', data: { webhookId, from: command.data.from } }];
    case 'DeleteWebhook':
      return [{ type: 'WebhookDeleted', data: { webhookId } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function register(
  data: Extract<WebhookCommand, { type: 'RegisterWebhook' }>['data'],
  state: WebhookState,
): Decision {
  if (state.status !== 'absent')
    return new DomainError('WEBHOOK.EXISTS', `Webhook ${data.webhookId} exists`, 'conflict');
  if (data.ownerSignedInBy === 'oidc') {
    // An identity provider's user lives only in their tokens: nothing to look their access up in later.
    return new DomainError(
      'WEBHOOK.OWNER_NOT_KEPT',
      'A webhook needs an owner whose access Daftar keeps: register it with an API key or a Daftar account',
      'forbidden',
    );
  }
  if (data.ownerWebhooks >= data.maxPerOwner) {
    return new DomainError(
      'WEBHOOK.TOO_MANY',
      `An owner may have at most ${data.maxPerOwner} webhooks: delete one first`,
    );
  }
  const scopeProblem = filtersProblem(data.filters, data.ownerAudience, data.published);
  if (scopeProblem) return scopeProblem;
  const { webhookId, owner, url, filters, startAfter, secret } = data;
  const audience = deliveryAudience(data.ownerAudience, filters);
  return [
    { type: 'WebhookRegistered', data: { webhookId, owner, url, filters, audience, startAfter, secret } },
  ];
}

/** Unknown names are bad input; names the owner's scope leaves out are not the owner's to ask for. */
function filtersProblem(
  filters: WebhookFilters,
  audience: FeedAudience,
  published: PublishedTypes,
): DomainError | undefined {
  const categories = Object.values(published);
  const categoryOf = (type: string) => published[type] ?? '';
  const unknownType = filters.types?.find((t) => !Object.hasOwn(published, t));
  if (unknownType !== undefined)
    return new DomainError('WEBHOOK.UNKNOWN_TYPE', `No published event type ${unknownType}`, 'invalid');
  const unknownCategory = filters.categories?.find((c) => !categories.includes(c));
  if (unknownCategory !== undefined)
    return new DomainError('WEBHOOK.UNKNOWN_CATEGORY', `No published category ${unknownCategory}`, 'invalid');
  const outside = [
    ...beyond(filters.municipalities, audience.municipalities),
    ...beyond(filters.categories, audience.categories),
    ...beyond(filters.types, audience.types),
    ...beyond(filters.types?.map(categoryOf), audience.categories),
  ];
  if (outside.length === 0) return undefined;
  return new DomainError(
    'WEBHOOK.OUT_OF_SCOPE',
    `Outside the owner's feed scope: ${[...new Set(outside)].join(', ')}`,
    'forbidden',
  );
}

const beyond = (asked: readonly string[] | undefined, allowed: readonly string[] | undefined) =>
  asked && allowed ? asked.filter((name) => !allowed.includes(name)) : [];

export const webhookDecider: Decider<WebhookCommand, WebhookState, WebhookEvent> = {
  initialState: initialWebhookState,
  evolve: evolveWebhook,
  decide,
};
