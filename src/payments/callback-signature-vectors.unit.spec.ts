import { CALLBACK_VECTOR } from '../../test/vectors/callback-vector.js';
import { isCallbackSignedBy, signCallback } from './callback-signature.js';

const { secret, signature, swapped } = CALLBACK_VECTOR;
const body = Buffer.from(CALLBACK_VECTOR.body);

describe('gateway callback signature: known answer', () => {
  it('signs the body keyed with the secret, as openssl dgst -hmac does', () => {
    expect(signCallback(secret, body)).toBe(signature);
  });

  it('accepts the gateway’s signature and refuses the key and message swapped', () => {
    expect(isCallbackSignedBy(secret, body, signature)).toBe(true);
    expect(isCallbackSignedBy(secret, body, swapped)).toBe(false);
  });

  it('refuses the signature once any one byte of the body changes', () => {
    for (let i = 0; i < body.length; i++) {
      const changed = Buffer.from(body);
      changed[i]! ^= 0x01;
      expect(isCallbackSignedBy(secret, changed, signature)).toBe(false);
    }
  });

  it('refuses the signature with one hex digit changed', () => {
    const last = signature.at(-1) === '0' ? '1' : '0';
    expect(isCallbackSignedBy(secret, body, signature.slice(0, -1) + last)).toBe(false);
  });
});
