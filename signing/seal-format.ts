import { X509Certificate, type KeyObject } from 'node:crypto';
import { publicKeyId, verifyCertificateChain } from './certificates.js';
import { parseDocumentCode } from './document-code.js';

export type SealErrorCode =
  | 'SEAL.MALFORMED'
  | 'SEAL.UNSUPPORTED_VERSION'
  | 'SEAL.UNKNOWN_KIND'
  | 'SEAL.INVALID_DOCUMENT_CODE'
  | 'SEAL.INVALID_MUNICIPALITY'
  | 'SEAL.INVALID_ISSUED_AT'
  | 'SEAL.INVALID_DIGEST'
  | 'SEAL.INVALID_FACTS';

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

// Wire numbers of the kinds, shared by every format: append only, never renumber.
export const KIND_NUMBERS = {
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

export const CODE_LENGTH = 11;
export const DIGEST_LENGTH = 32;
export const KEY_ID_LENGTH = 8;
const MAX_MUNICIPALITY_BYTES = 32;
const MAX_UINT32 = 0xffffffff;

/** What every seal format vouches for. */
export interface SealCore {
  readonly code: string;
  readonly kind: SealKind;
  /** Kept to the whole second. */
  readonly issuedAt: Date;
  /** The municipality's code, at most 32 UTF-8 bytes. */
  readonly municipality: string;
  /** Lower-case hex SHA-256 of the document's canonical JSON. */
  readonly contentSha256: string;
  /** Lower-case hex key id of the sealing key (see publicKeyId). */
  readonly keyId: string;
}

export function kindOf(kindNumber: number): SealKind {
  const kind = KINDS_BY_NUMBER.get(kindNumber);
  if (!kind) throw new SealError('SEAL.UNKNOWN_KIND', `Document kind ${kindNumber} is not known`);
  return kind;
}

export function checkCore(fields: SealCore): void {
  if (!Object.hasOwn(KIND_NUMBERS, fields.kind))
    throw new SealError('SEAL.UNKNOWN_KIND', `Unknown kind ${fields.kind}`);
  if (parseDocumentCode(fields.code) !== fields.code) {
    throw new SealError(
      'SEAL.INVALID_DOCUMENT_CODE',
      `${JSON.stringify(fields.code)} is not a document code`,
    );
  }
  checkSeconds(fields.issuedAt, 'SEAL.INVALID_ISSUED_AT', 'issuedAt');
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

export function checkSeconds(at: Date, code: SealErrorCode, name: string): void {
  const seconds = at.getTime() / 1000;
  if (!(seconds >= 0 && seconds <= MAX_UINT32)) {
    throw new SealError(code, `${name} must lie between 1970 and 2106`);
  }
}

// Controls (C0, DEL, C1), bidirectional controls (LRM, RLO, RLI, …) and line separators: in a seal's
// text they would let the seal rewrite what a terminal or a page shows around it.
const UNSAFE_TEXT = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');

export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** `text` with each control or bidirectional control written as `\u{1b}`, for printing read text. */
export function escapeUnsafeText(text: string): string {
  return text.replace(UNSAFE_TEXT_ALL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

export function uint32Seconds(at: Date): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(Math.floor(at.getTime() / 1000));
  return bytes;
}

/** The format number in a seal's first byte, or undefined when the text is not a seal at all. */
export function sealVersionOf(text: string): number | undefined {
  try {
    return base64UrlBytes(text)[0];
  } catch {
    return undefined;
  }
}

export function base64UrlBytes(text: string): Buffer {
  // Buffer's decoder skips foreign characters; a seal must be canonical base64url to be read at all.
  const bytes =
    typeof text === 'string' && /^[A-Za-z0-9_-]*$/.test(text) ? Buffer.from(text, 'base64url') : undefined;
  if (!bytes || bytes.toString('base64url') !== text) {
    throw new SealError('SEAL.MALFORMED', 'A seal is base64url text without padding');
  }
  return bytes;
}

export function utf8(bytes: Buffer, code: SealErrorCode, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SealError(code, `${what} is not UTF-8`);
  }
}

export class Reader {
  offset = 0;
  constructor(private readonly data: Buffer) {}

  byte(): number {
    return this.bytes(1)[0]!;
  }

  uint16(): number {
    return this.bytes(2).readUInt16BE(0);
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

/**
 * The published certificate that `keyId` names, when the CA issued it, both were valid at `issuedAt`
 * and its key is of `keyType`; otherwise why not.
 */
export function sealCertificate(
  core: Pick<SealCore, 'keyId' | 'issuedAt'>,
  certificates: readonly { readonly certificatePem: string }[],
  caCertificatePem: string,
  keyType: 'rsa' | 'ec',
): { readonly certificate: X509Certificate } | { readonly reason: string } {
  const certificate = certificates
    .map(({ certificatePem }) => new X509Certificate(certificatePem))
    .find((candidate) => publicKeyId(candidate.publicKey) === core.keyId);
  if (!certificate) return { reason: `No published certificate has key id ${core.keyId}` };
  if (!verifyCertificateChain(certificate.toString(), caCertificatePem, core.issuedAt)) {
    return {
      reason: `The certificate of key ${core.keyId} was not issued by the CA or not valid at ${core.issuedAt.toISOString()}`,
    };
  }
  const { publicKey } = certificate;
  const curve = publicKey.asymmetricKeyDetails?.namedCurve;
  if (publicKey.asymmetricKeyType !== keyType || (keyType === 'ec' && curve !== 'prime256v1')) {
    return { reason: `The key ${core.keyId} is not of the kind this seal format is signed with` };
  }
  return { certificate };
}

/** Reads the version and kind every format starts with; refuses a version other than `version`. */
export function openSeal(text: string, version: number): { bytes: Buffer; reader: Reader; kind: SealKind } {
  const bytes = base64UrlBytes(text);
  const reader = new Reader(bytes);
  const found = reader.byte();
  if (found !== version) throw new SealError('SEAL.UNSUPPORTED_VERSION', `Seal format ${found} is not known`);
  return { bytes, reader, kind: kindOf(reader.byte()) };
}

/** A decoded seal of any format: its fields, and its signature over the bytes before it. */
type Decoded<F> = F & {
  readonly version: number;
  readonly signature: Uint8Array;
  readonly signedBytes: Uint8Array;
};

/** Decodes `text`, finds the certificate its key id names (see {@link sealCertificate}) and checks the signature. */
export function verifyDecodedSeal<F extends SealCore>(
  text: string,
  decode: (text: string) => Decoded<F>,
  published: {
    readonly certificates: readonly { readonly certificatePem: string }[];
    readonly caCertificatePem: string;
  },
  keyType: 'rsa' | 'ec',
  verifies: (signedBytes: Uint8Array, key: KeyObject, signature: Uint8Array) => boolean,
): { readonly valid: boolean; readonly fields?: F; readonly reason?: string } {
  let seal: Decoded<F>;
  try {
    seal = decode(text);
  } catch (error) {
    if (error instanceof SealError) return { valid: false, reason: error.message };
    throw error;
  }
  const { version: _version, signature, signedBytes, ...rest } = seal;
  const fields = rest as unknown as F;
  const found = sealCertificate(fields, published.certificates, published.caCertificatePem, keyType);
  if ('reason' in found) return { valid: false, fields, reason: found.reason };
  if (!verifies(signedBytes, found.certificate.publicKey, signature)) {
    return { valid: false, fields, reason: 'The seal signature does not verify' };
  }
  return { valid: true, fields };
}
