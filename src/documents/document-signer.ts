import { createHash } from 'node:crypto';
import { canonicalJson } from '../../signing/canonical-json.js';
import { certificateBundle } from '../../signing/certificates.js';
import {
  prepareCmsSigner,
  signDetachedOffThread,
  verifyDetached,
  type CmsSigner,
} from '../../signing/cms.js';
import { encodeSealOffThread } from '../../signing/seal.js';
import type { SigningKeys } from './signing-keys/signing-keys.js';
import type { DocumentContent } from './document.events.js';

export interface DocumentSignature {
  readonly contentSha256: string;
  /** Base64 DER of the CMS detached SignedData. */
  readonly signature: string;
  readonly keyId: string;
  readonly seal: string;
}

/** Signs document content with the active signing key: a CMS signature and the QR seal. */
export class DocumentSigner {
  // The key and certificate are parsed once here, not for every document.
  private readonly signer: CmsSigner;

  constructor(private readonly keys: SigningKeys) {
    this.signer = prepareCmsSigner(keys.active);
  }

  /** Both RSA operations run on the thread pool, side by side, while the event loop goes on. */
  async sign(content: DocumentContent): Promise<DocumentSignature> {
    const bytes = Buffer.from(canonicalJson(content), 'utf8');
    const contentSha256 = createHash('sha256').update(bytes).digest('hex');
    const { keyId } = this.keys.active;
    const cms = signDetachedOffThread(this.signer, {
      content: bytes,
      signingTime: new Date(content.issuedAt),
    });
    const seal = encodeSealOffThread(
      {
        code: content.code,
        kind: content.kind,
        issuedAt: new Date(content.issuedAt),
        municipality: content.municipality,
        contentSha256,
        keyId,
      },
      this.signer,
    );
    const [signature, sealText] = await Promise.all([cms, seal]);
    return { contentSha256, signature: Buffer.from(signature).toString('base64'), keyId, seal: sealText };
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

  /** The CA first, then every published signing certificate (PEM), as `/.well-known` serves them. */
  certificateBundle(): string {
    return certificateBundle(
      this.keys.ca.certificatePem,
      this.keys.certificates.map((c) => c.certificatePem),
    );
  }

  certificateOf(keyId: string): string | undefined {
    return this.keys.certificates.find((c) => c.keyId === keyId)?.certificatePem;
  }
}
