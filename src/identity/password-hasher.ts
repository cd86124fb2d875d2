import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';

// The async form runs on libuv's thread pool; scryptSync would block the event loop for every login.
// promisify's inferred type drops the overload with options, hence the cast.
const scryptAsync = promisify(scrypt) as (
  password: BinaryLike,
  salt: BinaryLike,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

// OWASP's minimum (N=2^17, r=8, p=1): 128 MiB and some 0.4 s per hash. Stored with each hash, so older,
// weaker hashes stay valid and are upgraded at the next sign-in (`needsRehash`).
const CURRENT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from storage, so a corrupt value cannot ask for gigabytes.
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 16;

const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

/** OpenSSL needs 128·r·(N + p + 2) bytes, far above Node's default cap (32 MiB) at N=2^17, r=8. */
function maxmem({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}

// NFKC so the same password typed on different keyboards (composed or not, full-width or not) matches.
function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFKC'), 'utf8');
}

/** `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>`, with a fresh random salt per call. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = CURRENT;
  const key = await scryptAsync(passwordBytes(password), salt, KEY_BYTES, {
    N,
    r,
    p,
    maxmem: maxmem(CURRENT),
  });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, nText, rText, pText, saltText, keyText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (![nText, rText, pText].every((n) => /^[1-9][0-9]{0,7}$/.test(n))) return undefined;
  const params = { N: Number(nText), r: Number(rText), p: Number(pText) };
  const log2N = Math.log2(params.N);
  if (!Number.isInteger(log2N) || log2N < 1 || log2N > MAX_LOG2_N || params.r > MAX_R || params.p > MAX_P) {
    return undefined;
  }
  // Buffer.from(…, 'base64url') skips characters it does not know, so check the alphabet first.
  if (![saltText, keyText].every((b64) => /^[A-Za-z0-9_-]+$/.test(b64))) return undefined;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length < SALT_BYTES || key.length < 16) return undefined;
  return { params, salt, key };
}

/** True when the password matches; false for a wrong password and for a stored value it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === undefined) return false;
  const { params, salt, key } = parsed;
  const candidate = await scryptAsync(passwordBytes(password), salt, key.length, {
    ...params,
    maxmem: maxmem(params),
  });
  return timingSafeEqual(candidate, key);
}

/** True when the stored hash uses weaker parameters than today's: rehash it after the next successful login. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (parsed === undefined) return true;
  const { params, key } = parsed;
  return params.N < CURRENT.N || params.r < CURRENT.r || params.p < CURRENT.p || key.length < KEY_BYTES;
}

let dummyPasswordHash: Promise<string> | undefined;

/**
 * Spends the same scrypt work as checking a real user's password, then answers false, so that a login
 * for an unknown username takes as long as one for a known username and does not reveal which exist.
 * The dummy hash (of random bytes nobody knows) is computed on first use and reused.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyPasswordHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(password, await dummyPasswordHash);
  return false;
}

/** A human reason the password is unacceptable, or undefined when it is fine. Lengths count characters. */
export function passwordProblem(password: string): string | undefined {
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  }
  if (new Set(characters).size === 1) return 'The password must not repeat a single character.';
  return undefined;
}
