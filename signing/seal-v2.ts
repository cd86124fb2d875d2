import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyId } from './certificates.js';
import {
  checkCore,
  checkSeconds,
  CODE_LENGTH,
  hasUnsafeText,
  DIGEST_LENGTH,
  KEY_ID_LENGTH,
  KIND_NUMBERS,
  openSeal,
  SealError,
  uint32Seconds,
  utf8,
  verifyDecodedSeal,
  type SealCore,
} from './seal-format.js';

export const SEAL_V2 = 2;

/** An inquiry answer's result (نتیجه استعلام). */
export type SealResult = 'cleared' | 'blocked';

/** What a format-2 seal vouches for: the format-1 facts and those a checker compares with the paper. */
export interface SealV2Fields extends SealCore {
  /** The parcel's renewal code (کد نوسازی); absent when the document names no parcel. */
  readonly renewalCode?: string;
  /** The holders' names, masked (`ز*** ا***`), in the document's order: the first few of them. */
  readonly holders: readonly string[];
  /** How many holders the document names beyond `holders`; absent when none. */
  readonly moreHolders?: number;
  /** Kept to the whole second; absent when the document does not expire. */
  readonly expiresAt?: Date;
  /** Present on inquiry answers only, and always there. */
  readonly result?: SealResult;
}

export interface DecodedSealV2 extends SealV2Fields {
  readonly version: typeof SEAL_V2;
  /** ECDSA P-256 with SHA-256, r ‖ s (IEEE P1363), 64 bytes. */
  readonly signature: Uint8Array;
  readonly signedBytes: Uint8Array;
}

/** An ECDSA P-256 private key parsed once, and its key id. */
export interface SealKey {
  readonly privateKey: KeyObject;
  readonly keyId: string;
}

const RESULT_NUMBERS = { cleared: 1, blocked: 2 } as const satisfies Record<SealResult, number>;
const NO_RESULT = 0;
const NO_EXPIRY = 0;
// The format of src/parcels/renewal-code.ts (signing/ imports nothing from src/): seven integers.
const RENEWAL_CODE = /^[0-9]{1,6}(?:-[0-9]{1,6}){6}$/;
/** The most holders a seal names, the most UTF-8 bytes of each masked name, and the most it counts. */
export const SEAL_V2_HOLDERS = { max: 32, maxBytes: 64, maxMore: 0xffff } as const;
const SIGNATURE_LENGTH = 64;
const P1363 = { dsaEncoding: 'ieee-p1363' } as const;

/** Parses an ECDSA P-256 private key (PKCS#8 or SEC 1 PEM) and derives its key id. */
export function sealKeyFrom(privateKeyPem: string): SealKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (!isP256(privateKey)) throw new Error('Expected an ECDSA P-256 private key');
  return { privateKey, keyId: publicKeyId(createPublicKey(privateKey)) };
}

/** The format-2 seal's text (base64url, no padding), signed with ECDSA P-256 by `key`. */
export function encodeSealV2(fields: SealV2Fields, key: SealKey): string {
  if (key.keyId !== fields.keyId) {
    throw new Error(`The private key is not the key ${fields.keyId} the seal names`);
  }
  const signedBytes = signedBytesOf(fields);
  const signature = sign('sha256', signedBytes, { key: key.privateKey, ...P1363 });
  return Buffer.concat([signedBytes, signature]).toString('base64url');
}

/** Reads a format-2 seal without checking its signature; throws {@link SealError} on malformed text. */
export function decodeSealV2(text: string): DecodedSealV2 {
  const { bytes, reader, kind } = openSeal(text, SEAL_V2);
  const code = reader.bytes(CODE_LENGTH).toString('latin1');
  const issuedAt = new Date(reader.uint32() * 1000);
  const expiry = reader.uint32();
  const resultNumber = reader.byte();
  const municipality = utf8(reader.bytes(reader.byte()), 'SEAL.INVALID_MUNICIPALITY', 'The municipality');
  const renewalCode = utf8(reader.bytes(reader.byte()), 'SEAL.INVALID_FACTS', 'The renewal code');
  const holders = Array.from({ length: reader.byte() }, () =>
    utf8(reader.bytes(reader.byte()), 'SEAL.INVALID_FACTS', 'A holder'),
  );
  const moreHolders = reader.uint16();
  const result = (Object.keys(RESULT_NUMBERS) as SealResult[]).find(
    (r) => RESULT_NUMBERS[r] === resultNumber,
  );
  if (resultNumber !== NO_RESULT && !result)
    throw new SealError('SEAL.INVALID_FACTS', `Result ${resultNumber} is not known`);
  const fields: SealV2Fields = {
    code,
    kind,
    issuedAt,
    municipality,
    ...(renewalCode === '' ? {} : { renewalCode }),
    holders,
    ...(moreHolders === 0 ? {} : { moreHolders }),
    ...(expiry === NO_EXPIRY ? {} : { expiresAt: new Date(expiry * 1000) }),
    ...(result ? { result } : {}),
    contentSha256: reader.bytes(DIGEST_LENGTH).toString('hex'),
    keyId: reader.bytes(KEY_ID_LENGTH).toString('hex'),
  };
  checkFields(fields);
  const signedBytes = bytes.subarray(0, reader.offset);
  const signature = bytes.subarray(reader.offset);
  if (signature.length !== SIGNATURE_LENGTH) {
    throw new SealError(
      'SEAL.MALFORMED',
      `The signature must be ${SIGNATURE_LENGTH} bytes, not ${signature.length}`,
    );
  }
  return { version: SEAL_V2, ...fields, signature, signedBytes };
}

/**
 * Whether the format-2 seal was signed by the ECDSA P-256 certificate its key id names, among
 * `certificates`, and that certificate was issued by the CA and valid when the document was issued.
 */
export function verifySealV2(
  text: string,
  certificates: readonly { readonly certificatePem: string }[],
  caCertificatePem: string,
): { readonly valid: boolean; readonly fields?: SealV2Fields; readonly reason?: string } {
  return verifyDecodedSeal(
    text,
    decodeSealV2,
    { certificates, caCertificatePem },
    'ec',
    (signed, key, signature) => verify('sha256', signed, { key, ...P1363 }, signature),
  );
}

function signedBytesOf(fields: SealV2Fields): Buffer {
  checkFields(fields);
  return Buffer.concat([
    Uint8Array.of(SEAL_V2, KIND_NUMBERS[fields.kind]),
    Buffer.from(fields.code, 'latin1'),
    uint32Seconds(fields.issuedAt),
    fields.expiresAt ? uint32Seconds(fields.expiresAt) : Buffer.alloc(4),
    Uint8Array.of(fields.result ? RESULT_NUMBERS[fields.result] : NO_RESULT),
    prefixed(fields.municipality),
    prefixed(fields.renewalCode ?? ''),
    Uint8Array.of(fields.holders.length),
    ...fields.holders.map(prefixed),
    uint16(fields.moreHolders ?? 0),
    Buffer.from(fields.contentSha256, 'hex'),
    Buffer.from(fields.keyId, 'hex'),
  ]);
}

function prefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([Uint8Array.of(bytes.length), bytes]);
}

function uint16(n: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(n);
  return bytes;
}

// Refused when encoding and decoding alike, so the product never issues what a verifier refuses.
function checkFields(fields: SealV2Fields): void {
  checkCore(fields);
  const invalid = (message: string) => new SealError('SEAL.INVALID_FACTS', message);
  if (fields.expiresAt) {
    checkSeconds(fields.expiresAt, 'SEAL.INVALID_FACTS', 'expiresAt');
    if (Math.floor(fields.expiresAt.getTime() / 1000) <= Math.floor(fields.issuedAt.getTime() / 1000))
      throw invalid('A document expires after it was issued');
  }
  if (hasUnsafeText(fields.municipality))
    throw new SealError('SEAL.INVALID_MUNICIPALITY', 'The municipality holds control characters');
  if (fields.renewalCode !== undefined && !RENEWAL_CODE.test(fields.renewalCode))
    throw invalid('The renewal code must be seven integers of 1 to 6 digits joined by "-"');
  const { max, maxBytes, maxMore } = SEAL_V2_HOLDERS;
  if (fields.holders.length > max) throw invalid(`A seal names at most ${max} holders`);
  for (const holder of fields.holders) {
    const length = Buffer.byteLength(holder, 'utf8');
    if (length < 1 || length > maxBytes)
      throw invalid(`A holder's masked name must be 1 to ${maxBytes} bytes of UTF-8`);
    if (hasUnsafeText(holder)) throw invalid("A holder's masked name holds control characters");
  }
  const more = fields.moreHolders ?? 0;
  if (!Number.isInteger(more) || more < 0 || more > maxMore)
    throw invalid(`The count of further holders must be an integer from 0 to ${maxMore}`);
  if ((fields.kind === 'InquiryAnswer') !== (fields.result !== undefined))
    throw invalid('An inquiry answer carries its result, and only an inquiry answer does');
  if (fields.result !== undefined && !Object.hasOwn(RESULT_NUMBERS, fields.result))
    throw invalid(`Unknown result ${String(fields.result)}`);
}

function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}
