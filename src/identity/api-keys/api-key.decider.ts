import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import { feedScopeProblem, type FeedScope } from '../feed-scope.js';
import type { OrganisationKind } from '../organisations/organisation.events.js';
import { API_KEY_ROLE_OF_KIND } from '../organisations/organisation-roles.js';
import { isApiKeyPermission } from './api-key-permissions.js';
import type { ApiKeyEvent } from './api-key.events.js';

export type ApiKeyState = { readonly status: 'absent' | 'active' | 'revoked' };

type Issued = Extract<ApiKeyEvent, { type: 'ApiKeyIssued' }>['data'];
export type ApiKeyCommand =
  | {
      readonly type: 'IssueApiKey';
      /** The key acts in the role that fits its organisation's kind. */
      readonly data: Omit<Issued, 'role'> & { readonly organisationKind: OrganisationKind };
    }
  | { readonly type: 'RevokeApiKey'; readonly data: { readonly keyId: string; readonly reason: string } };

export const apiKeyNotFound = (keyId: string) =>
  new DomainError('API_KEY.NOT_FOUND', `There is no API key ${keyId}`, 'not_found', { keyId });

/** A feed scope narrows `feed:read`: a key without that permission has nothing for it to narrow. */
function feedScopeError(feed: FeedScope, permissions: readonly string[]): DomainError | undefined {
  if (!permissions.includes('feed:read')) {
    return new DomainError(
      'API_KEY.FEED_SCOPE_WITHOUT_PERMISSION',
      'A feed scope needs the permission feed:read',
      'invalid',
    );
  }
  const problem = feedScopeProblem(feed);
  return problem ? new DomainError('API_KEY.INVALID_FEED_SCOPE', problem, 'invalid') : undefined;
}

function decide(command: ApiKeyCommand, state: ApiKeyState): readonly ApiKeyEvent[] | DomainError {
  switch (command.type) {
    case 'IssueApiKey': {
      const { organisationKind, ...data } = command.data;
      if (state.status !== 'absent')
        return new DomainError(
          'API_KEY.ALREADY_EXISTS',
          `The API key ${data.keyId} already exists`,
          'conflict',
        );
      const role = API_KEY_ROLE_OF_KIND[organisationKind];
      if (!role) {
        return new DomainError(
          'API_KEY.ORGANISATION_KIND_NOT_ALLOWED',
          `An organisation of kind ${organisationKind} gets no API keys`,
          'invalid',
        );
      }
      const unknown = data.permissions.filter((p) => !isApiKeyPermission(p));
      if (unknown.length) {
        return new DomainError(
          'API_KEY.UNKNOWN_PERMISSION',
          `Unknown permission(s): ${unknown.join(', ')}`,
          'invalid',
          { permissions: unknown },
        );
      }
      const feedProblem = data.feed && feedScopeError(data.feed, data.permissions);
      if (feedProblem) return feedProblem;
      return [{ type: 'ApiKeyIssued', data: { ...data, role } }];
    }
    case 'RevokeApiKey':
      if (state.status === 'absent') return apiKeyNotFound(command.data.keyId);
      if (state.status === 'revoked') return [];
      return [{ type: 'ApiKeyRevoked', data: command.data }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(_state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued':
      return { status: 'active' };
    case 'ApiKeyRevoked':
      return { status: 'revoked' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyState, ApiKeyEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
