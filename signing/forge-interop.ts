import { constants, privateEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

// DER prefix of DigestInfo { AlgorithmIdentifier sha256 NULL, OCTET STRING (32 bytes) } (RFC 8017 §9.2).
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A stand-in for a forge RSA private key whose `sign(md)` runs in OpenSSL (node:crypto) instead of
 * forge's JavaScript big-number code, about fifty times faster for RSA-2048. Forge hands over the
 * finished digest, so this makes RSASSA-PKCS1-v1_5 from it: DigestInfo, then type-1 padding and
 * the private-key operation (`privateEncrypt` with PKCS#1 padding is exactly that).
 */
export function nodeRsaSigner(key: KeyObject): forge.pki.rsa.PrivateKey {
  const signer = {
    sign(md: forge.md.MessageDigest): string {
      if (md.algorithm !== 'sha256') throw new Error(`Only SHA-256 signatures are made, not ${md.algorithm}`);
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const signature = privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
      return signature.toString('binary');
    },
  };
  return signer as unknown as forge.pki.rsa.PrivateKey;
}

// UTF8String rather than forge's default PrintableString, which cannot hold Persian names.
export function utf8Field(shortName: string, value: string): forge.pki.CertificateField {
  // @types/node-forge types valueTagClass as a tag class, though forge reads it as a universal type.
  return { shortName, value, valueTagClass: forge.asn1.Type.UTF8 as number as forge.asn1.Class };
}

/**
 * A parsed name ready to be written again: forge parses UTF8String values as raw UTF-8 bytes but
 * encodes them as text, so without decoding first a re-written issuer name no longer matches.
 */
export function reEncodableName(
  attributes: readonly forge.pki.CertificateField[],
): forge.pki.CertificateField[] {
  return attributes.map((attribute) =>
    attribute.valueTagClass === (forge.asn1.Type.UTF8 as number) && typeof attribute.value === 'string'
      ? { ...attribute, value: forge.util.decodeUtf8(attribute.value) }
      : attribute,
  );
}
