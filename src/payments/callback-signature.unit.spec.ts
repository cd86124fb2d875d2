import { isCallbackSignedBy, signCallback } from './callback-signature.js';

const secret = 'a-shared-gateway-secret-of-32-chars!';
const body = Buffer.from('{"paymentId":"p1","status":"paid","amount":1000}');

describe('gateway callback signatures', () => {
  it('signs the exact bytes as sha256=<hex>, and accepts its own signature', () => {
    const signature = signCallback(secret, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isCallbackSignedBy(secret, body, signature)).toBe(true);
    expect(isCallbackSignedBy(secret, body, signature.toUpperCase().replace('SHA256=', 'sha256='))).toBe(
      true,
    );
  });

  it('refuses a body changed by one byte, even one that parses to the same JSON', () => {
    const signature = signCallback(secret, body);
    expect(isCallbackSignedBy(secret, Buffer.from(body.toString().replace('1000', '1001')), signature)).toBe(
      false,
    );
    expect(isCallbackSignedBy(secret, Buffer.from(`${body.toString()} `), signature)).toBe(false);
  });

  it('refuses another secret’s signature', () => {
    expect(isCallbackSignedBy(secret, body, signCallback('another-secret-of-thirty-two-chars', body))).toBe(
      false,
    );
  });

  it.each([undefined, '', 'sha256=', 'sha1=abcd', 'sha256=zz', `sha256=${'a'.repeat(62)}`, 'a'.repeat(64)])(
    'refuses the header %p',
    (header) => {
      expect(isCallbackSignedBy(secret, body, header)).toBe(false);
    },
  );
});
