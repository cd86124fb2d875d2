import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from 'jose';
import { ACCESS_TOKEN_TTL_SECONDS, TokenSigner } from './token-signer.js';

const T0 = Date.UTC(2026, 11, 3, 8, 0, 0);
const ISSUER = 'https://daftar.example';

describe('TokenSigner', () => {
  let dir: string;
  let signer: TokenSigner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-tokens-'));
    signer = TokenSigner.open(join(dir, 'keys'), ISSUER);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the subject and issue time of its own token, the same when asked again', async () => {
    const { accessToken } = await signer.issue('user-1', T0);
    const expected = { subject: 'user-1', issuedAtMs: T0 };
    await expect(signer.verify(accessToken, T0 + 1000)).resolves.toEqual(expected);
    await expect(signer.verify(accessToken, T0 + 2000)).resolves.toEqual(expected);
  });

  it('refuses a token once it expires, even one it verified before', async () => {
    const { accessToken } = await signer.issue('user-1', T0);
    await signer.verify(accessToken, T0);
    const expired = T0 + ACCESS_TOKEN_TTL_SECONDS * 1000 + 1;
    await expect(signer.verify(accessToken, expired)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it('refuses a token whose signature was altered after the genuine one was verified', async () => {
    const { accessToken } = await signer.issue('user-1', T0);
    await signer.verify(accessToken, T0);
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expect(signer.verify(`${header}.${payload}.${flipped}`, T0)).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
  });

  it('refuses a token signed by another key for the same issuer', async () => {
    const other = TokenSigner.open(join(dir, 'other-keys'), ISSUER);
    const { accessToken } = await other.issue('user-1', T0);
    await other.verify(accessToken, T0);
    await expect(signer.verify(accessToken, T0)).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
  });

  it("leaves another issuer's token to its own verifier", async () => {
    const other = TokenSigner.open(join(dir, 'other-keys'), 'https://idp.example');
    const { accessToken } = await other.issue('user-1', T0);
    await expect(signer.verify(accessToken, T0)).resolves.toBeUndefined();
  });
});
