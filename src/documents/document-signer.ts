import { createHash } from 'node:crypto';
import { canonicalJson } from '../../signing/canonical-json.js';
import { certificateBundle } from '../../signing/certificates.js';
import {
  prepareCmsSigner,
  signDetachedOffThread,
  verifyDetached,
  type CmsSigner,
} from '../../signing/cms.js';
import { encodeSealV2, sealKeyFrom, type SealKey } from '../../signing/seal-v2.js';
import type { SealKeys } from './signing-keys/seal-key.js';
import type { SigningKeys } from './signing-keys/signing-keys.js';
import { sealFactsOf } from './document-seal-facts.js';
import type { DocumentContent } from './document.events.js';

export interface DocumentSignature {
  readonly contentSha256: string;
  /** Base64 DER of the CMS detached SignedData. */
  readonly signature: string;
  readonly keyId: string;
  readonly seal: string;
}

/**
 * Signs document content: a CMS signature with the active RSA signing key, and the QR seal (format 2,
 * with the paper's facts) with the ECDSA P-256 seal key.
 */
export class DocumentSigner {
  // The keys and certificate are parsed once here, not for every document.
  private readonly signer: CmsSigner;
  private readonly sealKey: SealKey;

  constructor(
    private readonly keys: SigningKeys,
    private readonly seal: SealKeys,
  ) {
    this.signer = prepareCmsSigner(keys.active);
    this.sealKey = sealKeyFrom(seal.privateKeyPem);
  }

  /** The RSA operation runs on the thread pool; the seal's ECDSA, a tenth of it, meanwhile here. */
  async sign(content: DocumentContent): Promise<DocumentSignature> {
    const bytes = Buffer.from(canonicalJson(content), 'utf8');
    const contentSha256 = createHash('sha256').update(bytes).digest('hex');
    const { keyId } = this.keys.active;
    const cms = signDetachedOffThread(this.signer, {
      content: bytes,
      signingTime: new Date(content.issuedAt),
    });
    const seal = encodeSealV2(
      {
        code: content.code,
        kind: content.kind,
        issuedAt: new Date(content.issuedAt),
        municipality: content.municipality,
        ...sealFactsOf(content),
        contentSha256,
        keyId: this.sealKey.keyId,
      },
      this.sealKey,
    );
    const signature = await cms;
    return { contentSha256, signature: Buffer.from(signature).toString('base64'), keyId, seal };
  }

  /** Whether the signature holds for this content and chains to the municipal CA. */
  check(content: DocumentContent, signatureBase64: string): { valid: boolean; reason?: string } {
    const result = verifyDetached({
      signatureDer: Buffer.from(signatureBase64, 'base64'),
      content: Buffer.from(canonicalJson(content), 'utf8'),
      caCertificatePem: this.keys.ca.certificatePem,
    });
    return result.valid ? { valid: true } : { valid: false, reason: result.reason ?? 'invalid' };
  }

  /** The CA first, then every published signing certificate and the seal's (PEM), as `/.well-known` serves them. */
  certificateBundle(): string {
    const published = this.keys.certificates.map((c) => c.certificatePem);
    const seal = this.keys.certificates.some((c) => c.keyId === this.seal.keyId)
      ? []
      : [this.seal.certificatePem];
    return certificateBundle(this.keys.ca.certificatePem, [...published, ...seal]);
  }

  certificateOf(keyId: string): string | undefined {
    return this.keys.certificates.find((c) => c.keyId === keyId)?.certificatePem;
  }
}
