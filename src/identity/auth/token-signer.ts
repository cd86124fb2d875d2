import {
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  createPrivateKey,
  createHash,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, exportJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { LruMap } from '../../shared/lru-map.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const TOKEN_AUDIENCE = 'daftar';
const KEY_FILE = 'access-token-ed25519.pem';
/** Tokens in use at once on a busy server: each signed-in person's current one. */
const VERIFIED_KEPT = 10_000;

interface VerifiedToken {
  readonly subject: string;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/**
 * Signs and checks Daftar's own short-lived access tokens (JWT, EdDSA over Ed25519). The key is made
 * on first start under `$DAFTAR_DATA_DIR/keys`, readable by the owner only.
 */
export class TokenSigner {
  /**
   * A token's signature is checked once: the same string verified by the same key says the same until
   * it expires. Who it names is still looked up on every request (a disabled account, a new password).
   */
  private readonly verified = new LruMap<string, VerifiedToken>(VERIFIED_KEPT);

  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    readonly keyId: string,
    readonly issuer: string,
  ) {}

  static open(keysDir: string, issuer: string): TokenSigner {
    const file = join(keysDir, KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(keysDir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    const privateKey = createPrivateKey(readFileSync(file));
    const publicKey = createPublicKey(privateKey);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const keyId = createHash('sha256').update(der).digest('base64url').slice(0, 16);
    return new TokenSigner(privateKey, publicKey, keyId, issuer);
  }

  async issue(subject: string, nowMs: number): Promise<IssuedToken> {
    const nowSeconds = Math.floor(nowMs / 1000);
    // iat has whole seconds; the milliseconds tell a token from a password change in the same second.
    const accessToken = await new SignJWT({ iat_ms: nowMs })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keyId, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.privateKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** Subject and issue time (ms) of a valid token of ours; undefined for another issuer's. Throws when invalid. */
  async verify(
    token: string,
    nowMs = Date.now(),
  ): Promise<{ subject: string; issuedAtMs: number } | undefined> {
    const known = this.verified.get(token);
    if (known && nowMs < known.expiresAtMs) return { subject: known.subject, issuedAtMs: known.issuedAtMs };
    if (issuerOf(token) !== this.issuer) return undefined;
    const { payload } = await jwtVerify(token, this.publicKey, {
      issuer: this.issuer,
      audience: TOKEN_AUDIENCE,
      algorithms: ['EdDSA'],
      typ: 'at+jwt',
      currentDate: new Date(nowMs),
    });
    if (!payload.sub) throw new errors.JWTClaimValidationFailed('missing sub', payload, 'sub', 'missing');
    if (payload.exp === undefined)
      throw new errors.JWTClaimValidationFailed('missing exp', payload, 'exp', 'missing');
    const issuedAtMs = typeof payload['iat_ms'] === 'number' ? payload['iat_ms'] : (payload.iat ?? 0) * 1000;
    this.verified.set(token, { subject: payload.sub, issuedAtMs, expiresAtMs: payload.exp * 1000 });
    return { subject: payload.sub, issuedAtMs };
  }

  /** Published at /.well-known/jwks.json so integrators can check tokens themselves. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [{ ...(await exportJWK(this.publicKey)), kid: this.keyId, alg: 'EdDSA', use: 'sig' }] };
  }
}

/** Reads the unverified `iss` claim, only to route the token to the verifier that can check it. */
export function issuerOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof claims.iss === 'string' ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}
