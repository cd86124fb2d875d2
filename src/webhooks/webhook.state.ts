import type { WebhookEvent, WebhookOwner } from './webhook.events.js';

export type WebhookState =
  | { readonly status: 'absent' }
  | { readonly status: 'active' | 'disabled' | 'deleted'; readonly owner: WebhookOwner };

export const initialWebhookState = (): WebhookState => ({ status: 'absent' });

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', owner: event.data.owner };
    case 'WebhookSecretRotated':
      return state;
    case 'WebhookReplayRequested':
      return state.status === 'disabled' ? { ...state, status: 'active' } : state;
    case 'WebhookDisabled':
      return state.status === 'active' ? { ...state, status: 'disabled' } : state;
    case 'WebhookDeleted':
      return state.status === 'absent' ? state : { ...state, status: 'deleted' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
