import { sign, verify, X509Certificate } from 'node:crypto';
import {
  publicKeyId,
  rsaSha256OffThread,
  signingKeyFrom,
  verifyCertificateChain,
  type SigningKey,
} from './certificates.js';
import { parseDocumentCode } from './document-code.js';

/** What a seal (مهر) vouches for; the byte layout is in SEAL.md. */
export interface SealFields {
  readonly code: string;
  readonly kind: SealKind;
  /** Kept to the whole second. */
  readonly issuedAt: Date;
  /** The municipality's code, at most 32 UTF-8 bytes. */
  readonly municipality: string;
  /** Lower-case hex SHA-256 of the document's canonical JSON. */
  readonly contentSha256: string;
  /** Lower-case hex key id of the signing key (see publicKeyId). */
  readonly keyId: string;
}

export interface DecodedSeal extends SealFields {
  readonly version: number;
  readonly signature: Uint8Array;
  /** Every byte before the signature: what the signature covers. */
  readonly signedBytes: Uint8Array;
}

export interface SealVerification {
  readonly valid: boolean;
  readonly fields?: SealFields;
  readonly reason?: string;
}

export type SealErrorCode =
  | 'SEAL.MALFORMED'
  | 'SEAL.UNSUPPORTED_VERSION'
  | 'SEAL.UNKNOWN_KIND'
  | 'SEAL.INVALID_DOCUMENT_CODE'
  | 'SEAL.INVALID_MUNICIPALITY'
  | 'SEAL.INVALID_ISSUED_AT'
  | 'SEAL.INVALID_DIGEST';

/** A malformed seal or seal field. The library knows no HTTP: a caller that shows it maps the code. */
export class SealError extends Error {
  constructor(
    readonly code: SealErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const VERSION = 1;
// Wire numbers of the kinds: append only, never renumber.
const KIND_NUMBERS = {
  BuildingPermit: 1,
  MapOrder: 2,
  CompletionCertificate: 3,
  InquiryAnswer: 4,
  NoViolationCertificate: 5,
} as const satisfies Readonly<Record<string, number>>;
/** The kinds of document a seal can name; the app's document kinds must be among them. */
export type SealKind = keyof typeof KIND_NUMBERS;
const KINDS_BY_NUMBER = new Map<number, SealKind>(
  Object.entries(KIND_NUMBERS).map(([kind, n]) => [n, kind as SealKind]),
);
const CODE_LENGTH = 11;
const MAX_MUNICIPALITY_BYTES = 32;
const DIGEST_LENGTH = 32;
const KEY_ID_LENGTH = 8;
const MAX_UINT32 = 0xffffffff;

/** The seal's text (base64url, no padding), signed with RSASSA-PKCS1-v1_5 SHA-256 by `privateKeyPem`. */
export function encodeSeal(fields: SealFields, privateKeyPem: string): string {
  return encodeSealWith(fields, signingKeyFrom(privateKeyPem));
}

/** {@link encodeSeal} with a key parsed once. */
export function encodeSealWith(fields: SealFields, key: SigningKey): string {
  const signedBytes = sealBytesFor(fields, key);
  return sealText(signedBytes, sign('sha256', signedBytes, key.privateKey));
}

/** {@link encodeSealWith} with the RSA operation off the event loop's thread. */
export async function encodeSealOffThread(fields: SealFields, key: SigningKey): Promise<string> {
  const signedBytes = sealBytesFor(fields, key);
  return sealText(signedBytes, await rsaSha256OffThread(signedBytes, key.privateKey));
}

function sealBytesFor(fields: SealFields, key: SigningKey): Buffer {
  if (key.keyId !== fields.keyId) {
    throw new Error(`The private key is not the key ${fields.keyId} the seal names`);
  }
  return signedBytesOf(fields);
}

function sealText(signedBytes: Buffer, signature: Buffer): string {
  return Buffer.concat([signedBytes, signature]).toString('base64url');
}

/** Reads a seal without checking its signature; throws {@link SealError} on malformed text. */
export function decodeSeal(text: string): DecodedSeal {
  const bytes = base64UrlBytes(text);
  const reader = new Reader(bytes);
  const version = reader.byte();
  if (version !== VERSION)
    throw new SealError('SEAL.UNSUPPORTED_VERSION', `Seal format ${version} is not known`);
  const kindNumber = reader.byte();
  const kind = KINDS_BY_NUMBER.get(kindNumber);
  if (!kind) throw new SealError('SEAL.UNKNOWN_KIND', `Document kind ${kindNumber} is not known`);
  const issuedAt = new Date(reader.uint32() * 1000);
  const code = reader.bytes(CODE_LENGTH).toString('latin1');
  const municipality = utf8(reader.bytes(reader.byte()));
  const fields: SealFields = {
    code,
    kind,
    issuedAt,
    municipality,
    contentSha256: reader.bytes(DIGEST_LENGTH).toString('hex'),
    keyId: reader.bytes(KEY_ID_LENGTH).toString('hex'),
  };
  checkFields(fields);
  const signedBytes = bytes.subarray(0, reader.offset);
  const signature = bytes.subarray(reader.offset);
  if (signature.length === 0) throw new SealError('SEAL.MALFORMED', 'The seal has no signature');
  return { version, ...fields, signature, signedBytes };
}

/**
 * Whether the seal was signed by the certificate its key id names, among `certificates`, and that
 * certificate was issued by the CA and valid when the document was issued.
 */
export function verifySeal(
  text: string,
  certificates: readonly { readonly certificatePem: string }[],
  caCertificatePem: string,
): SealVerification {
  let seal: DecodedSeal;
  try {
    seal = decodeSeal(text);
  } catch (error) {
    if (error instanceof SealError) return { valid: false, reason: error.message };
    throw error;
  }
  const { version: _version, signature, signedBytes, ...fields } = seal;
  const certificate = certificates
    .map(({ certificatePem }) => new X509Certificate(certificatePem))
    .find((candidate) => publicKeyId(candidate.publicKey) === fields.keyId);
  if (!certificate)
    return { valid: false, fields, reason: `No published certificate has key id ${fields.keyId}` };
  if (!verifyCertificateChain(certificate.toString(), caCertificatePem, fields.issuedAt)) {
    return {
      valid: false,
      fields,
      reason: `The certificate of key ${fields.keyId} was not issued by the CA or not valid at ${fields.issuedAt.toISOString()}`,
    };
  }
  if (!verify('sha256', signedBytes, certificate.publicKey, signature)) {
    return { valid: false, fields, reason: 'The seal signature does not verify' };
  }
  return { valid: true, fields };
}

/** The QR code's text: the public verification page, and the seal in the fragment browsers never send. */
export function verificationQrText(publicUrl: string, code: string, seal: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v/${code}#${seal}`;
}

/** The parts of a QR code's text, or undefined when it is not `<url>/v/<code>#<seal>`. */
export function parseVerificationQrText(
  text: string,
): { readonly publicUrl: string; readonly code: string; readonly seal: string } | undefined {
  const match = /^(https?:\/\/[^#]*?)\/v\/([^/?#]+)#([A-Za-z0-9_-]+)$/.exec(text.trim());
  if (!match) return undefined;
  try {
    return { publicUrl: match[1]!, code: decodeURIComponent(match[2]!), seal: match[3]! };
  } catch {
    return undefined; // a malformed %-escape
  }
}

function signedBytesOf(fields: SealFields): Buffer {
  checkFields(fields);
  const issuedAt = Buffer.alloc(4);
  issuedAt.writeUInt32BE(Math.floor(fields.issuedAt.getTime() / 1000));
  const municipality = Buffer.from(fields.municipality, 'utf8');
  return Buffer.concat([
    Uint8Array.of(VERSION, KIND_NUMBERS[fields.kind]),
    issuedAt,
    Buffer.from(fields.code, 'latin1'),
    Uint8Array.of(municipality.length),
    municipality,
    Buffer.from(fields.contentSha256, 'hex'),
    Buffer.from(fields.keyId, 'hex'),
  ]);
}

function checkFields(fields: SealFields): void {
  if (!Object.hasOwn(KIND_NUMBERS, fields.kind))
    throw new SealError('SEAL.UNKNOWN_KIND', `Unknown kind ${fields.kind}`);
  if (parseDocumentCode(fields.code) !== fields.code) {
    throw new SealError(
      'SEAL.INVALID_DOCUMENT_CODE',
      `${JSON.stringify(fields.code)} is not a document code`,
    );
  }
  const seconds = fields.issuedAt.getTime() / 1000;
  if (!(seconds >= 0 && seconds <= MAX_UINT32)) {
    throw new SealError('SEAL.INVALID_ISSUED_AT', 'issuedAt must lie between 1970 and 2106');
  }
  const municipalityBytes = Buffer.byteLength(fields.municipality, 'utf8');
  if (municipalityBytes < 1 || municipalityBytes > MAX_MUNICIPALITY_BYTES) {
    throw new SealError(
      'SEAL.INVALID_MUNICIPALITY',
      `The municipality must be 1 to ${MAX_MUNICIPALITY_BYTES} bytes of UTF-8`,
    );
  }
  if (!/^[0-9a-f]{64}$/.test(fields.contentSha256) || !/^[0-9a-f]{16}$/.test(fields.keyId)) {
    throw new SealError(
      'SEAL.INVALID_DIGEST',
      'contentSha256 and keyId must be lower-case hex of 32 and 8 bytes',
    );
  }
}

function base64UrlBytes(text: string): Buffer {
  // Buffer's decoder skips foreign characters; a seal must be canonical base64url to be read at all.
  const bytes =
    typeof text === 'string' && /^[A-Za-z0-9_-]*$/.test(text) ? Buffer.from(text, 'base64url') : undefined;
  if (!bytes || bytes.toString('base64url') !== text) {
    throw new SealError('SEAL.MALFORMED', 'A seal is base64url text without padding');
  }
  return bytes;
}

function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SealError('SEAL.INVALID_MUNICIPALITY', 'The municipality is not UTF-8');
  }
}

class Reader {
  offset = 0;
  constructor(private readonly data: Buffer) {}

  byte(): number {
    return this.bytes(1)[0]!;
  }

  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }

  bytes(length: number): Buffer {
    if (this.offset + length > this.data.length)
      throw new SealError('SEAL.MALFORMED', 'The seal is too short');
    const slice = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}
