import { createHash, randomBytes } from 'node:crypto';

/** A fresh key: `dk_<keyId>_<secret>`, with 32 random bytes of secret (see API_KEY_FORMAT). */
export function newApiKey(): { keyId: string; key: string; secretSha256: string } {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `dk_${keyId}_${secret}`, secretSha256: secretDigest(secret).toString('hex') };
}

/** Only this digest of the secret is stored. */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
