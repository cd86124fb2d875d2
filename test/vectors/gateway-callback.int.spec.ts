import { execFileSync } from 'node:child_process';
import { CALLBACK_VECTOR } from './callback-vector.js';
import { signCallback } from '../../src/payments/callback-signature.js';

/** What a gateway computes: HMAC-SHA256 keyed with the shared secret over the body's exact bytes. */
const opensslHmac = (key: string, message: string) =>
  execFileSync('openssl', ['dgst', '-sha256', '-hmac', key, '-r'], {
    input: message,
    encoding: 'utf8',
  }).split(' ')[0];

describe('gateway callback signature against openssl dgst -hmac', () => {
  it('is the written-down known answer', () => {
    expect(`sha256=${opensslHmac(CALLBACK_VECTOR.secret, CALLBACK_VECTOR.body)}`).toBe(
      CALLBACK_VECTOR.signature,
    );
    expect(`sha256=${opensslHmac(CALLBACK_VECTOR.body, CALLBACK_VECTOR.secret)}`).toBe(
      CALLBACK_VECTOR.swapped,
    );
  });

  it.each([
    ['a body in Persian', 'another-gateway-secret-of-32-chars', '{"reason":"لغو توسط پرداخت‌کننده"}'],
    ['an empty body', 'k'.repeat(32), ''],
  ])('agrees on %s', (_name, secret, body) => {
    expect(signCallback(secret, Buffer.from(body))).toBe(`sha256=${opensslHmac(secret, body)}`);
  });
});
