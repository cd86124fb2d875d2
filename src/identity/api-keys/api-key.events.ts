import type { FeedScope } from '../feed-scope.js';
import type { Role } from '../roles.js';

/** Machine credentials of an organisation (notary-office software, a bank's system, an integrator). */
export type ApiKeyEvent =
  | {
      readonly type: 'ApiKeyIssued';
      readonly data: {
        readonly keyId: string;
        readonly label: string;
        readonly organisation: string;
        /** The organisation's role the key acts in (`notary`, `bank`, `utility`, `integrator`, …). */
        readonly role: Role;
        readonly permissions: readonly string[];
        /** SHA-256 of the secret part: the secret itself is shown once and never stored. */
        readonly secretSha256: string;
        /** With `feed:read` only: what of the feed the key reads; absent, all its role may. */
        readonly feed?: FeedScope;
      };
    }
  | { readonly type: 'ApiKeyRevoked'; readonly data: { readonly keyId: string; readonly reason: string } };

export const API_KEY_EVENT_TYPES: readonly ApiKeyEvent['type'][] = ['ApiKeyIssued', 'ApiKeyRevoked'];
export const apiKeyStream = (keyId: string) => `apikey-${keyId}`;

/** `dk_<keyId>_<secret>`: the id finds the key, the secret proves it. */
export const API_KEY_FORMAT = /^dk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
