import { sign, verify } from 'node:crypto';
import { rsaSha256OffThread, signingKeyFrom, type SigningKey } from './certificates.js';
import {
  checkCore,
  CODE_LENGTH,
  DIGEST_LENGTH,
  KEY_ID_LENGTH,
  KIND_NUMBERS,
  openSeal,
  SealError,
  sealVersionOf,
  uint32Seconds,
  utf8,
  verifyDecodedSeal,
  type SealCore,
} from './seal-format.js';
import { SEAL_V2, verifySealV2, type SealV2Fields } from './seal-v2.js';

export { SealError, type SealErrorCode, type SealKind } from './seal-format.js';

/** What a format-1 seal (مهر) vouches for; the byte layout is in SEAL.md. */
export type SealFields = SealCore;

export interface DecodedSeal extends SealFields {
  readonly version: number;
  readonly signature: Uint8Array;
  /** Every byte before the signature: what the signature covers. */
  readonly signedBytes: Uint8Array;
}

export interface SealVerification {
  readonly valid: boolean;
  /** Format 2 seals carry the facts of the paper too. */
  readonly fields?: SealFields | SealV2Fields;
  readonly reason?: string;
}

const VERSION = 1;

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

/** Reads a format-1 seal without checking its signature; throws {@link SealError} on malformed text. */
export function decodeSeal(text: string): DecodedSeal {
  const { bytes, reader, kind } = openSeal(text, VERSION);
  const issuedAt = new Date(reader.uint32() * 1000);
  const code = reader.bytes(CODE_LENGTH).toString('latin1');
  const municipality = utf8(reader.bytes(reader.byte()), 'SEAL.INVALID_MUNICIPALITY', 'The municipality');
  const fields: SealFields = {
    code,
    kind,
    issuedAt,
    municipality,
    contentSha256: reader.bytes(DIGEST_LENGTH).toString('hex'),
    keyId: reader.bytes(KEY_ID_LENGTH).toString('hex'),
  };
  checkCore(fields);
  const signedBytes = bytes.subarray(0, reader.offset);
  const signature = bytes.subarray(reader.offset);
  if (signature.length === 0) throw new SealError('SEAL.MALFORMED', 'The seal has no signature');
  return { version: VERSION, ...fields, signature, signedBytes };
}

/**
 * Whether the seal, of format 1 or 2, was signed by the certificate its key id names, among
 * `certificates`, and that certificate was issued by the CA and valid when the document was issued.
 */
export function verifySeal(
  text: string,
  certificates: readonly { readonly certificatePem: string }[],
  caCertificatePem: string,
): SealVerification {
  if (sealVersionOf(text) === SEAL_V2) return verifySealV2(text, certificates, caCertificatePem);
  return verifyDecodedSeal(
    text,
    decodeSeal,
    { certificates, caCertificatePem },
    'rsa',
    (signed, key, signature) => verify('sha256', signed, key, signature),
  );
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
  checkCore(fields);
  const municipality = Buffer.from(fields.municipality, 'utf8');
  return Buffer.concat([
    Uint8Array.of(VERSION, KIND_NUMBERS[fields.kind]),
    uint32Seconds(fields.issuedAt),
    Buffer.from(fields.code, 'latin1'),
    Uint8Array.of(municipality.length),
    municipality,
    Buffer.from(fields.contentSha256, 'hex'),
    Buffer.from(fields.keyId, 'hex'),
  ]);
}
