import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

const hmac = (secret: string, body: Buffer) => createHmac('sha256', secret).update(body).digest();

/** The `X-Gateway-Signature` value for a callback body: HMAC-SHA256 over its exact bytes. */
export function signCallback(secret: string, body: Buffer): string {
  return PREFIX + hmac(secret, body).toString('hex');
}

/** Compared in constant time, so the answer's timing tells a forger nothing about the right digest. */
export function isCallbackSignedBy(secret: string, body: Buffer, header: string | undefined): boolean {
  if (header === undefined || !header.startsWith(PREFIX)) return false;
  const digest = header.slice(PREFIX.length);
  if (!HEX_DIGEST.test(digest)) return false;
  return timingSafeEqual(hmac(secret, body), Buffer.from(digest, 'hex'));
}
