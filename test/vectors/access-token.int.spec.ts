import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from 'jose';
import { TokenSigner } from '../../src/identity/auth/token-signer.js';

// A throwaway Ed25519 key (openssl genpkey -algorithm ed25519), never a deployment's.
const KEY_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEICmL6z0k+Dz9RWPNJeD2vuEgq6moS1fnoahSzL/nPBlt
-----END PRIVATE KEY-----
`;
// openssl pkey -pubout -outform DER | openssl dgst -sha256 -binary | basenc --base64url | cut -c1-16
const KEY_ID = '7oMAA8weRb2rwJSy';
// The last 32 bytes of that DER: the raw public key, as a JWK's x.
const PUBLIC_X = '29cUr2HBLs5XgCJ5JNB6Vxc072mtHhXRN0Jwplr7-n4';
const ISSUER = 'https://daftar.example';
const ISSUED_AT_MS = Date.UTC(2026, 2, 1, 10, 0, 0, 123);
const EXPIRES_AT_MS = Date.UTC(2026, 2, 1, 10, 15, 0);
/**
 * Made with openssl, not with jose: base64url of the header {"alg":"EdDSA","kid":"7oMAA8weRb2rwJSy",
 * "typ":"at+jwt"} and of the claims {"iat_ms":1772359200123,"iss":"https://daftar.example",
 * "aud":"daftar","sub":"user-1","iat":1772359200,"exp":1772360100}, joined by a dot and signed with
 * `openssl pkeyutl -sign -rawin` (Ed25519 is deterministic).
 */
const TOKEN =
  'eyJhbGciOiJFZERTQSIsImtpZCI6IjdvTUFBOHdlUmIycndKU3kiLCJ0eXAiOiJhdCtqd3QifQ' +
  '.eyJpYXRfbXMiOjE3NzIzNTkyMDAxMjMsImlzcyI6Imh0dHBzOi8vZGFmdGFyLmV4YW1wbGUiLCJhdWQiOiJkYWZ0YXIiLCJzdWIiOiJ1c2VyLTEiLCJpYXQiOjE3NzIzNTkyMDAsImV4cCI6MTc3MjM2MDEwMH0' +
  '.650gEQuUBvX8OoukwrovmGKoG-Hny2ruN6I_RUz8zZ7LS6xjxbGtRY9k2q6qxxllR4HXvM4FIGXTGTfUHKphAQ';

describe('access token: a known token', () => {
  let dir: string;
  /** A signer of its own per test: a token it verified once is remembered. */
  let signer: TokenSigner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-token-vector-'));
    mkdirSync(join(dir, 'keys'), { mode: 0o700 });
    writeFileSync(join(dir, 'keys', 'access-token-ed25519.pem'), KEY_PEM, { mode: 0o600 });
    signer = TokenSigner.open(join(dir, 'keys'), ISSUER);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names and publishes the key as openssl derives it', async () => {
    expect(signer.keyId).toBe(KEY_ID);
    expect(await signer.jwks()).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: PUBLIC_X, kid: KEY_ID, alg: 'EdDSA', use: 'sig' }],
    });
  });

  it('issues exactly the token openssl signed', async () => {
    expect((await signer.issue('user-1', ISSUED_AT_MS)).accessToken).toBe(TOKEN);
  });

  it('accepts it while valid by a fixed clock', async () => {
    const verified = { subject: 'user-1', issuedAtMs: ISSUED_AT_MS };
    await expect(signer.verify(TOKEN, ISSUED_AT_MS)).resolves.toEqual(verified);
    await expect(signer.verify(TOKEN, EXPIRES_AT_MS - 1)).resolves.toEqual(verified);
  });

  it('refuses it from its expiry on', async () => {
    await expect(signer.verify(TOKEN, EXPIRES_AT_MS)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it.each([
    ['header', 0],
    ['claims', 1],
    ['signature', 2],
  ])('refuses it with one character of the %s changed', async (_part, index) => {
    const parts = TOKEN.split('.');
    const part = parts[index]!;
    // The 11th character: whole bytes of the decoded part change, never only unused trailing bits.
    parts[index] = part.slice(0, 10) + (part[10] === 'A' ? 'B' : 'A') + part.slice(11);
    await expect(signer.verify(parts.join('.'), ISSUED_AT_MS)).rejects.toBeInstanceOf(errors.JOSEError);
  });
});
