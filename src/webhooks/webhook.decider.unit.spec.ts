import { given } from '../../test/support/given.js';
import type { DomainError } from '../shared/domain-error.js';
import type { WebhookCommand } from './webhook.commands.js';
import { webhookDecider } from './webhook.decider.js';
import type { WebhookEvent } from './webhook.events.js';

const owner = { id: 'user-integrator', kind: 'user' } as const;
const stranger = { id: 'apikey-0123456789abcdef', kind: 'api_key' } as const;
const published = {
  PermitIssued: 'permit',
  ParcelRegistered: 'parcel',
  MunicipalityRegistered: 'municipality',
};

const register = (
  overrides: Partial<Extract<WebhookCommand, { type: 'RegisterWebhook' }>['data']> = {},
): WebhookCommand => ({
  type: 'RegisterWebhook',
  data: {
    webhookId: 'w1',
    owner,
    ownerSignedInBy: 'api_key',
    url: 'https://bank.example.ir/hook',
    filters: {},
    ownerAudience: { pii: [], municipalities: ['hamedan', 'tehran'] },
    startAfter: 'cursor-0',
    secret: 'enc:v1:sealed',
    published,
    ownerWebhooks: 0,
    maxPerOwner: 10,
    ...overrides,
  },
});
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: {
    webhookId: 'w1',
    owner,
    url: 'https://bank.example.ir/hook',
    filters: {},
    audience: { pii: [], municipalities: ['hamedan', 'tehran'] },
    startAfter: 'cursor-0',
    secret: 'enc:v1:sealed',
  },
};
const code = (decision: unknown) => (decision as DomainError).code;

describe('the webhook decider', () => {
  it('refuses an owner signed in through an external identity provider, whose access it cannot look up', () => {
    expect(code(given(webhookDecider).when(register({ ownerSignedInBy: 'oidc' })))).toBe(
      'WEBHOOK.OWNER_NOT_KEPT',
    );
  });

  it('registers an endpoint with the owner’s audience narrowed by its filters', () => {
    expect(
      given(webhookDecider).when(
        register({ filters: { municipalities: ['hamedan'], types: ['PermitIssued'] } }),
      ),
    ).toEqual([
      {
        type: 'WebhookRegistered',
        data: {
          ...registered.data,
          filters: { municipalities: ['hamedan'], types: ['PermitIssued'] },
          audience: { pii: [], municipalities: ['hamedan'], types: ['PermitIssued'] },
        },
      },
    ]);
    expect(given(webhookDecider).when(register())).toEqual([registered]);
  });

  it('refuses an owner who has as many webhooks as one may have: each reads the log on its own', () => {
    const decision = given(webhookDecider).when(register({ ownerWebhooks: 10 }));
    expect([code(decision), (decision as DomainError).kind]).toEqual(['WEBHOOK.TOO_MANY', 'conflict']);
    expect(given(webhookDecider).when(register({ ownerWebhooks: 9 }))).toEqual([registered]);
  });

  it('refuses filters beyond the owner’s feed scope, and names it', () => {
    const decision = given(webhookDecider).when(register({ filters: { municipalities: ['isfahan'] } }));
    expect([code(decision), (decision as DomainError).kind, (decision as Error).message]).toEqual([
      'WEBHOOK.OUT_OF_SCOPE',
      'forbidden',
      expect.stringContaining('isfahan'),
    ]);
    const permitsOnly = { pii: [], categories: ['permit'] };
    expect(
      code(
        given(webhookDecider).when(
          register({ ownerAudience: permitsOnly, filters: { types: ['ParcelRegistered'] } }),
        ),
      ),
    ).toBe('WEBHOOK.OUT_OF_SCOPE');
  });

  it('refuses event types and categories that are not published', () => {
    expect(code(given(webhookDecider).when(register({ filters: { types: ['UserCreated'] } })))).toBe(
      'WEBHOOK.UNKNOWN_TYPE',
    );
    expect(code(given(webhookDecider).when(register({ filters: { categories: ['user'] } })))).toBe(
      'WEBHOOK.UNKNOWN_CATEGORY',
    );
  });

  it('answers another owner as if the webhook did not exist', () => {
    for (const command of [
      { type: 'DeleteWebhook', data: { webhookId: 'w1', owner: stranger } },
      { type: 'ReplayWebhook', data: { webhookId: 'w1', owner: stranger, from: 'c' } },
      {
        type: 'RotateWebhookSecret',
        data: { webhookId: 'w1', owner: stranger, secret: 's', previousValidUntil: 't' },
      },
    ] as const) {
      expect(code(given(webhookDecider, registered).when(command))).toBe('WEBHOOK.NOT_FOUND');
    }
  });

  it('rotates, replays and deletes for the owner; a deleted webhook is gone', () => {
    const rotate = {
      webhookId: 'w1',
      owner,
      secret: 'enc:v1:new',
      previousValidUntil: '2025-01-02T00:00:00Z',
    };
    expect(given(webhookDecider, registered).when({ type: 'RotateWebhookSecret', data: rotate })).toEqual([
      {
        type: 'WebhookSecretRotated',
        data: { webhookId: 'w1', secret: 'enc:v1:new', previousValidUntil: rotate.previousValidUntil },
      },
    ]);
    const deleted: WebhookEvent = { type: 'WebhookDeleted', data: { webhookId: 'w1' } };
    expect(
      given(webhookDecider, registered).when({ type: 'DeleteWebhook', data: { webhookId: 'w1', owner } }),
    ).toEqual([deleted]);
    expect(
      code(
        given(webhookDecider, registered, deleted).when({
          type: 'ReplayWebhook',
          data: { webhookId: 'w1', owner, from: 'c' },
        }),
      ),
    ).toBe('WEBHOOK.NOT_FOUND');
  });

  it('disables once after a day of failures; a replay enables it again', () => {
    const disable = { webhookId: 'w1', reason: 'failed for a day', failingSince: '2025-01-01T00:00:00Z' };
    const disabled: WebhookEvent = { type: 'WebhookDisabled', data: disable };
    expect(given(webhookDecider, registered).when({ type: 'DisableWebhook', data: disable })).toEqual([
      disabled,
    ]);
    expect(
      given(webhookDecider, registered, disabled).when({ type: 'DisableWebhook', data: disable }),
    ).toEqual([]);
    const replayed: WebhookEvent = { type: 'WebhookReplayRequested', data: { webhookId: 'w1', from: 'c' } };
    expect(
      given(webhookDecider, registered, disabled, replayed).when({ type: 'DisableWebhook', data: disable }),
    ).toEqual([disabled]);
  });

  it('refuses a second registration of one id', () => {
    expect(code(given(webhookDecider, registered).when(register()))).toBe('WEBHOOK.EXISTS');
  });
});
