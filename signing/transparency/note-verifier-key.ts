import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys of C2SP signed notes (c2sp.org/signed-note) in the text forms of Go's
 * golang.org/x/mod/sumdb/note, which transparency-log tools read:
 *
 *   verifier key  <name>+<8 hex key id>+<base64(0x01 ‖ 32-byte public key)>
 *   signer key    PRIVATE+KEY+<name>+<8 hex key id>+<base64(0x01 ‖ 32-byte seed)>
 */
export interface NoteVerifier {
  readonly name: string;
  /** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], big-endian. */
  readonly keyId: number;
  readonly publicKey: KeyObject;
}

export interface NoteSigner {
  readonly name: string;
  /** An Ed25519 private KeyObject, or its 32-byte seed. */
  readonly privateKey: KeyObject | Uint8Array;
}

export type NoteErrorCode =
  | 'NOTE.MALFORMED'
  | 'NOTE.UNVERIFIED'
  | 'NOTE.INVALID_SIGNATURE'
  | 'NOTE.AMBIGUOUS_KEY'
  | 'NOTE.INVALID_KEY'
  | 'NOTE.INVALID_CHECKPOINT'
  | 'NOTE.WRONG_ORIGIN';

/** A malformed or unverifiable note, key or checkpoint. The library knows no HTTP: a caller maps the code. */
export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}

const ED25519 = 0x01;
const KEY_LENGTH = 32;
const SIGNER_PREFIX = 'PRIVATE+KEY+';
// DER headers of an Ed25519 SubjectPublicKeyInfo and PKCS #8 key (RFC 8410), followed by the 32 raw bytes.
const SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Non-empty, well-formed, without Unicode spaces or '+', as the spec requires of key names. */
export function isValidKeyName(name: string): boolean {
  return name !== '' && !/[\s+]|\p{Cs}/u.test(name);
}

export function noteKeyId(name: string, publicKey: KeyObject | Uint8Array): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, ED25519))
    .update(rawPublicKey(publicKey))
    .digest();
  return digest.readUInt32BE(0);
}

export function verifierKeyOf(name: string, publicKey: KeyObject | Uint8Array): string {
  requireName(name);
  return `${name}+${hex8(noteKeyId(name, publicKey))}+${typed(rawPublicKey(publicKey))}`;
}

export function parseVerifierKey(text: string): NoteVerifier {
  const { name, keyId, key } = splitKey(text);
  const verifier = { name, keyId: noteKeyId(name, key), publicKey: publicKeyFrom(key) };
  if (verifier.keyId !== keyId) throw invalidKey('its key id does not match its name and key');
  return verifier;
}

/** The signer key text of `privateKey`: a secret, to be kept like a private key file. */
export function signerKeyOf(name: string, privateKey: KeyObject | Uint8Array): string {
  requireName(name);
  const key = privateKeyFrom(privateKey);
  return `${SIGNER_PREFIX}${name}+${hex8(noteKeyId(name, createPublicKey(key)))}+${typed(seedOf(key))}`;
}

export function parseSignerKey(
  text: string,
): NoteSigner & { readonly keyId: number; readonly privateKey: KeyObject } {
  if (typeof text !== 'string' || !text.startsWith(SIGNER_PREFIX)) throw invalidKey('it lacks PRIVATE+KEY+');
  const { name, keyId, key } = splitKey(text.slice(SIGNER_PREFIX.length));
  const privateKey = privateKeyFrom(key);
  if (noteKeyId(name, createPublicKey(privateKey)) !== keyId) {
    throw invalidKey('its key id does not match its name and key');
  }
  return { name, keyId, privateKey };
}

export function privateKeyFrom(key: KeyObject | Uint8Array): KeyObject {
  if (key instanceof Uint8Array) {
    if (key.length !== KEY_LENGTH) throw invalidKey('an Ed25519 seed is 32 bytes');
    return createPrivateKey({ key: Buffer.concat([PKCS8_HEADER, key]), format: 'der', type: 'pkcs8' });
  }
  requireEd25519(key, 'private');
  return key;
}

export function rawPublicKey(key: KeyObject | Uint8Array): Buffer {
  if (key instanceof Uint8Array) {
    if (key.length !== KEY_LENGTH) throw invalidKey('an Ed25519 public key is 32 bytes');
    return Buffer.from(key);
  }
  requireEd25519(key, 'public');
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_HEADER.length);
}

/** Standard base64 with padding, refused unless canonical (Buffer's decoder skips what it cannot read). */
export function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

export function hex8(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function publicKeyFrom(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_HEADER, raw]), format: 'der', type: 'spki' });
}

function seedOf(privateKey: KeyObject): Buffer {
  return privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_HEADER.length);
}

function splitKey(text: string): { name: string; keyId: number; key: Buffer } {
  // The base64 key may itself contain '+': only the first two separate fields.
  const match = typeof text === 'string' ? /^([^+]*)\+([0-9a-f]{8})\+(.*)$/s.exec(text) : null;
  if (!match) throw invalidKey('it is not <name>+<8 hex digits>+<base64 key>');
  const [, name, id, encoded] = match as unknown as [string, string, string, string];
  requireName(name);
  const bytes = decodeBase64(encoded);
  if (!bytes || bytes.length !== KEY_LENGTH + 1 || bytes[0] !== ED25519) {
    throw invalidKey('its key is not base64 of 0x01 and 32 Ed25519 bytes');
  }
  return { name, keyId: parseInt(id, 16), key: bytes.subarray(1) };
}

function requireName(name: string): void {
  if (typeof name !== 'string' || !isValidKeyName(name)) {
    throw invalidKey('a key name is non-empty, without spaces or "+"');
  }
}

function requireEd25519(key: KeyObject, type: 'public' | 'private'): void {
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== type) {
    throw invalidKey(`an Ed25519 ${type} key is needed`);
  }
}

function typed(raw: Uint8Array): string {
  return Buffer.concat([Uint8Array.of(ED25519), raw]).toString('base64');
}

function invalidKey(why: string): NoteError {
  return new NoteError('NOTE.INVALID_KEY', `Not a signed-note Ed25519 key: ${why}`);
}
