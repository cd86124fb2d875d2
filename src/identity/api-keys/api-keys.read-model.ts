import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { apiKeysProjection, type ApiKeyView } from '../../../projections/api-keys/api-keys.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import type { ApiKeyAuthenticator } from '../auth/authenticator.js';
import type { Principal } from '../principal.js';
import { secretDigest } from './api-key-secret.js';
import { API_KEY_FORMAT } from './api-key.events.js';

@Injectable()
export class ApiKeysReadModel extends Documents<ApiKeyView> implements ApiKeyAuthenticator {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, apiKeysProjection.name);
  }

  async authenticate(key: string): Promise<Principal | undefined> {
    const match = API_KEY_FORMAT.exec(key);
    if (!match) return undefined;
    const doc = this.get(match[1]!);
    if (!doc || doc.revoked) return undefined;
    const given = secretDigest(match[2]!);
    if (!timingSafeEqual(given, Buffer.from(doc.secretSha256, 'hex'))) return undefined;
    return keyPrincipal(doc);
  }

  current(principalId: string): Principal | undefined {
    const doc = principalId.startsWith(PRINCIPAL_PREFIX)
      ? this.get(principalId.slice(PRINCIPAL_PREFIX.length))
      : undefined;
    return doc && !doc.revoked ? keyPrincipal(doc) : undefined;
  }
}

const PRINCIPAL_PREFIX = 'apikey-';

function keyPrincipal(doc: ApiKeyView): Principal {
  return {
    kind: 'api_key',
    id: `${PRINCIPAL_PREFIX}${doc.keyId}`,
    displayName: doc.label,
    grants: [{ role: doc.role, organisation: doc.organisation, ...(doc.feed ? { feed: doc.feed } : {}) }],
    permissions: doc.permissions,
    authenticatedBy: 'api_key',
  };
}
