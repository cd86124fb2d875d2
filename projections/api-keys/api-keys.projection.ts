import { API_KEY_EVENT_TYPES, type ApiKeyEvent } from '../../src/identity/api-keys/api-key.events.js';
import type { FeedScope } from '../../src/identity/feed-scope.js';
import type { Role } from '../../src/identity/roles.js';
import type { Projection } from '../projection.js';

export interface ApiKeyView {
  readonly keyId: string;
  readonly label: string;
  readonly organisation: string;
  readonly role: Role;
  readonly permissions: readonly string[];
  readonly secretSha256: string;
  readonly feed?: FeedScope;
  readonly revoked: boolean;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly revokedAt: string | null;
  readonly revokedReason: string | null;
}

export const apiKeysProjection: Projection<ApiKeyView, ApiKeyEvent> = {
  name: 'api_keys',
  version: 1,
  handles: API_KEY_EVENT_TYPES,
  indexes: ['organisation', 'issuedAt', ['organisation', 'issuedAt']],
  documentId: (event) => event.data.keyId,
  evolve: (doc, event) => {
    switch (event.type) {
      case 'ApiKeyIssued':
        return {
          ...event.data,
          revoked: false,
          issuedAt: event.metadata.recordedAt,
          issuedBy: event.metadata.actor.id,
          revokedAt: null,
          revokedReason: null,
        };
      case 'ApiKeyRevoked':
        return (
          doc && {
            ...doc,
            revoked: true,
            revokedAt: event.metadata.recordedAt,
            revokedReason: event.data.reason,
          }
        );
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
