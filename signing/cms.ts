import { createHash, sign, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import {
  certificateKeyId,
  describeCertificate,
  rsaSha256OffThread,
  signingKeyFrom,
  verifyCertificateChain,
  type SigningKey,
} from './certificates.js';

const { asn1, pki } = forge;
const OID = pki.oids;
// RFC 5652 §11.3: UTCTime from 1950 to 2049, GeneralizedTime otherwise.
const UTC_TIME_FROM = Date.UTC(1950, 0, 1);
const UTC_TIME_UNTIL = Date.UTC(2050, 0, 1);
const SHA256_ALGORITHM = algorithm(OID.sha256!);
const RSA_ALGORITHM = algorithm(OID.rsaEncryption!);

export interface DetachedVerification {
  readonly valid: boolean;
  readonly signerKeyId?: string;
  /** ISO 8601, from the signed signingTime attribute. */
  readonly signingTime?: string;
  readonly reason?: string;
}

/** A signer prepared once to sign many documents: its parsed key and its certificates, ready to embed. */
export interface CmsSigner extends SigningKey {
  /** The signer certificate, then the CA's if given, parsed once from their DER. */
  readonly certificates: readonly forge.asn1.Asn1[];
  /** IssuerAndSerialNumber, taken as-is from the signer certificate. */
  readonly issuerAndSerialNumber: forge.asn1.Asn1;
}

/** Parses the key and certificates once; throws when the key is not the certificate's. */
export function prepareCmsSigner(input: {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly caCertificatePem?: string;
}): CmsSigner {
  const key = signingKeyFrom(input.privateKeyPem);
  if (certificateKeyId(input.certificatePem) !== key.keyId) {
    throw new Error(`The private key ${key.keyId} does not belong to the signing certificate`);
  }
  const pems = input.caCertificatePem
    ? [input.certificatePem, input.caCertificatePem]
    : [input.certificatePem];
  const certificates = pems.map(reusableCertificate);
  // TBSCertificate: [0] version (absent in v1), serialNumber, signature, issuer, …
  const tbs = children(children(certificates[0])[0]);
  const serialAt = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return {
    ...key,
    certificates,
    issuerAndSerialNumber: sequence([tbs[serialAt + 2]!, tbs[serialAt]!]),
  };
}

/**
 * A CMS (PKCS#7) SignedData over `content`, detached (the content is not embedded), SHA-256 with
 * RSA, carrying the signer certificate (and the CA's if given) and the signed attributes
 * contentType, signingTime and messageDigest. Returns DER, which `openssl cms -verify` accepts.
 */
export function signDetached(input: {
  readonly content: Uint8Array;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly caCertificatePem?: string;
  readonly signingTime: Date;
}): Uint8Array {
  return signDetachedWith(prepareCmsSigner(input), input);
}

/** {@link signDetached} with a signer prepared once; forge's ASN.1 builds the structure. */
export function signDetachedWith(
  signer: CmsSigner,
  input: { readonly content: Uint8Array; readonly signingTime: Date },
): Uint8Array {
  const { toSign, withSignature } = signedDataFor(signer, input);
  return withSignature(sign('sha256', toSign, signer.privateKey));
}

/** {@link signDetachedWith} with the RSA operation off the event loop's thread. */
export async function signDetachedOffThread(
  signer: CmsSigner,
  input: { readonly content: Uint8Array; readonly signingTime: Date },
): Promise<Uint8Array> {
  const { toSign, withSignature } = signedDataFor(signer, input);
  return withSignature(await rsaSha256OffThread(toSign, signer.privateKey));
}

/** The bytes the signer signs, and the SignedData that carries a signature over them. */
function signedDataFor(
  signer: CmsSigner,
  input: { readonly content: Uint8Array; readonly signingTime: Date },
): { readonly toSign: Buffer; readonly withSignature: (signature: Buffer) => Uint8Array } {
  // In DER SET OF order (by encoded length here): verifiers such as OpenSSL re-encode the set sorted
  // before checking the signature.
  const signedAttributes = [
    attribute(OID.contentType!, oid(OID.data!)),
    attribute(OID.signingTime!, time(input.signingTime)),
    attribute(OID.messageDigest!, octets(createHash('sha256').update(input.content).digest())),
  ];
  // The signature covers the attributes as a SET, not as the [0] IMPLICIT field.
  const toSign = Buffer.from(derOf(set(signedAttributes)));
  const withSignature = (signature: Buffer) => {
    const signerInfo = sequence([
      integer(1),
      signer.issuerAndSerialNumber,
      SHA256_ALGORITHM,
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
      RSA_ALGORITHM,
      octets(signature),
    ]);
    const signedData = sequence([
      integer(1),
      set([SHA256_ALGORITHM]),
      sequence([oid(OID.data!)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [...signer.certificates]),
      set([signerInfo]),
    ]);
    return derOf(
      sequence([oid(OID.signedData!), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]),
    );
  };
  return { toSign, withSignature };
}

/**
 * Checks a detached signature made by {@link signDetached} (or any single-signer SHA-256/RSA CMS
 * with signed attributes): the messageDigest attribute equals SHA-256(content), the RSA signature
 * covers the DER of the signed attributes, and the embedded signer certificate chains to the CA
 * and was valid at `at` (by default the signed signingTime).
 */
export function verifyDetached(input: {
  readonly signatureDer: Uint8Array;
  readonly content: Uint8Array;
  readonly caCertificatePem: string;
  readonly at?: Date;
}): DetachedVerification {
  let signer: ParsedSigner;
  try {
    signer = parseSigner(input.signatureDer);
  } catch (error) {
    return { valid: false, reason: `Not a CMS SignedData this verifier reads: ${messageOf(error)}` };
  }
  const signerKeyId = describeCertificate(signer.certificatePem).keyId;
  const signingTime = signer.signingTime?.toISOString();
  const known = { signerKeyId, ...(signingTime ? { signingTime } : {}) };
  const invalid = (reason: string): DetachedVerification => ({ valid: false, ...known, reason });

  if (signer.contentType !== OID.data) return invalid('The signed content type is not id-data');
  const digest = createHash('sha256').update(input.content).digest();
  if (!digest.equals(signer.messageDigest)) return invalid('The content does not match the signed digest');
  const publicKey = new X509Certificate(signer.certificatePem).publicKey;
  if (!verify('sha256', signer.signedAttributesDer, publicKey, signer.signature)) {
    return invalid('The RSA signature over the signed attributes does not verify');
  }
  const at = input.at ?? signer.signingTime;
  if (!at) return invalid('No signing time is signed and none was given');
  if (!verifyCertificateChain(signer.certificatePem, input.caCertificatePem, at)) {
    return invalid(`The signer certificate does not chain to the CA or was not valid at ${at.toISOString()}`);
  }
  return { valid: true, ...known };
}

interface ParsedSigner {
  readonly certificatePem: string;
  readonly signedAttributesDer: Buffer;
  readonly signature: Buffer;
  readonly contentType: string | undefined;
  readonly messageDigest: Buffer;
  readonly signingTime: Date | undefined;
}

function parseSigner(signatureDer: Uint8Array): ParsedSigner {
  const message = forge.pkcs7.messageFromAsn1(asn1.fromDer(binaryString(signatureDer))) as unknown as {
    type: string;
    rawCapture: SignedDataCapture;
  };
  if (message.type !== OID.signedData) throw new Error('not SignedData');
  const capture = message.rawCapture;
  const signerInfos = capture.signerInfos ?? [];
  if (signerInfos.length !== 1) throw new Error(`${signerInfos.length} signers, expected 1`);
  const [, issuerAndSerial, digestAlgorithm, signedAttributes, , signatureNode] = children(signerInfos[0]!);
  const [issuer, serial] = children(issuerAndSerial);
  if (oidOf(children(digestAlgorithm)[0]) !== OID.sha256) throw new Error('the digest is not SHA-256');
  if (signedAttributes?.tagClass !== asn1.Class.CONTEXT_SPECIFIC || signedAttributes.type !== 0) {
    throw new Error('no signed attributes');
  }
  const attributes = attributeValues(children(signedAttributes));
  const messageDigest = attributes.get(OID.messageDigest!);
  return {
    certificatePem: signerCertificate(capture, issuer, serial),
    // The signature covers the attributes as a SET (tag 0x31), not as the [0] IMPLICIT field.
    signedAttributesDer: derOf(set(children(signedAttributes))),
    signature: Buffer.from(primitive(signatureNode), 'binary'),
    contentType: attributes.has(OID.contentType!) ? oidOf(attributes.get(OID.contentType!)) : undefined,
    messageDigest: Buffer.from(messageDigest ? primitive(messageDigest) : '', 'binary'),
    signingTime: timeOf(attributes.get(OID.signingTime!)),
  };
}

interface SignedDataCapture {
  readonly signerInfos?: forge.asn1.Asn1[];
  readonly certificates?: forge.asn1.Asn1;
}

function signerCertificate(
  capture: SignedDataCapture,
  issuer: forge.asn1.Asn1 | undefined,
  serial: forge.asn1.Asn1 | undefined,
): string {
  if (!issuer || !serial) throw new Error('no issuer and serial number');
  const issuerHash = forge.md.sha1.create().update(asn1.toDer(issuer).getBytes()).digest().toHex();
  const serialHex = forge.util.bytesToHex(primitive(serial));
  for (const node of children(capture.certificates)) {
    const certificate = pki.certificateFromAsn1(node);
    if (certificate.issuer.hash === issuerHash && certificate.serialNumber === serialHex) {
      return pki.certificateToPem(certificate);
    }
  }
  throw new Error('the signer certificate is not included');
}

/** Attribute type OID → its single value (the first of the value SET). */
function attributeValues(attributes: forge.asn1.Asn1[]): Map<string, forge.asn1.Asn1 | undefined> {
  return new Map(
    attributes.map((attribute) => {
      const [type, values] = children(attribute);
      return [oidOf(type), children(values)[0]];
    }),
  );
}

function timeOf(node: forge.asn1.Asn1 | undefined): Date | undefined {
  if (!node) return undefined;
  if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(primitive(node));
  if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(primitive(node));
  throw new Error('signingTime is neither UTCTime nor GeneralizedTime');
}

function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new Error('unexpected ASN.1 structure');
  return node.value;
}

function primitive(node: forge.asn1.Asn1 | undefined): string {
  if (!node || typeof node.value !== 'string') throw new Error('unexpected ASN.1 structure');
  return node.value;
}

function oidOf(node: forge.asn1.Asn1 | undefined): string {
  if (node?.type !== asn1.Type.OID) throw new Error('expected an OID');
  return asn1.derToOid(primitive(node));
}

/** A certificate as ASN.1 to embed in every signature, checked to re-encode to its exact DER. */
function reusableCertificate(pem: string): forge.asn1.Asn1 {
  const der = new X509Certificate(pem).raw.toString('binary');
  const node = asn1.fromDer(der);
  if (asn1.toDer(node).getBytes() !== der)
    throw new Error('The certificate is not DER that forge writes back');
  return node;
}

function attribute(type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return sequence([oid(type), set([value])]);
}

function time(date: Date): forge.asn1.Asn1 {
  const utc = date.getTime() >= UTC_TIME_FROM && date.getTime() < UTC_TIME_UNTIL;
  return utc
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

function algorithm(id: string): forge.asn1.Asn1 {
  return sequence([oid(id), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]);
}

function oid(id: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
}

function integer(value: number): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

function octets(bytes: Buffer): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}

function sequence(nodes: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, nodes);
}

function set(nodes: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, nodes);
}

function derOf(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

function binaryString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
