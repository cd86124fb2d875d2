import { createHash } from 'node:crypto';
import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { canonicalJson } from '../../../signing/canonical-json.js';
import { describeCertificate } from '../../../signing/certificates.js';
import { parseDocumentCode } from '../../../signing/document-code.js';
import { MunicipalitiesReadModel } from '../../identity/municipalities/municipalities.read-model.js';
import { ProveEventInclusionQuery } from '../../ledger/prove-event-inclusion/prove-event-inclusion.query.js';
import { remember } from '../../shared/bounded-map.js';
import { DomainError } from '../../shared/domain-error.js';
import { jalaliDate } from '../../shared/jalali.js';
import { DocumentAccess } from '../document-access.js';
import { DocumentSigner } from '../document-signer.js';
import { DocumentsReadModel } from '../documents.read-model.js';
import {
  type CertificateSummary,
  type DocumentVerification,
  LEDGER_NOT_YET_SIGNED,
  type SignatureCheck,
} from './document-verification.js';
import { VerifyDocumentQuery } from './verify-document.query.js';

/** Signature checks kept: every document ever issued would not fit in memory. */
const CACHED_CHECKS = 10_000;

/** One answer for a malformed code, a wrong check character and an unknown code alike. */
export const documentNotVerifiable = () =>
  new DomainError('DOCUMENT.NOT_FOUND', 'No document has this code', 'not_found', { status: 'not_found' });

/**
 * Checks documents for the public. A document's signature never changes, so each is checked against
 * its content once and remembered; the status comes fresh from the read model on every request.
 */
@QueryHandler(VerifyDocumentQuery)
export class VerifyDocumentHandler implements IQueryHandler<VerifyDocumentQuery> {
  private readonly checks = new Map<string, SignatureCheck>();
  private readonly certificates = new Map<string, CertificateSummary | null>();

  constructor(
    private readonly documents: DocumentsReadModel,
    private readonly municipalities: MunicipalitiesReadModel,
    private readonly signer: DocumentSigner,
    private readonly access: DocumentAccess,
    private readonly queries: QueryBus,
  ) {}

  async execute({ code }: VerifyDocumentQuery): Promise<DocumentVerification> {
    return this.verify(this.record(code));
  }

  /** The document a code names; throws the uniform not-found error otherwise. */
  private record(codeInput: string): DocumentRecord {
    const code = parseDocumentCode(codeInput);
    const record = code === undefined ? undefined : this.documents.get(code);
    if (!record) throw documentNotVerifiable();
    return record;
  }

  private async verify(record: DocumentRecord): Promise<DocumentVerification> {
    const municipality = this.municipalities.get(record.municipality);
    return {
      status: record.status,
      code: record.code,
      kind: record.kind,
      municipality: { id: record.municipality, ...(municipality ? { nameFa: municipality.nameFa } : {}) },
      issuedAt: record.issuedAt,
      issuedAtJalali: jalaliDate(record.issuedAt),
      summary: record.summary,
      contentSha256: record.contentSha256,
      signature: await this.signatureCheck(record),
      certificate: this.certificate(record.keyId),
      ...(record.revocation ? { revocation: record.revocation } : {}),
      ...(record.supersession ? { supersededBy: record.supersession.by } : {}),
      ...(await this.ledger(record)),
    };
  }

  /** Fresh on every request: the latest checkpoint moves on. */
  private async ledger(
    record: DocumentRecord,
  ): Promise<Pick<DocumentVerification, 'ledger' | 'ledgerReason'>> {
    const signed = await this.queries.execute(new ProveEventInclusionQuery(record.issueEventId));
    if (!signed) return { ledger: null, ledgerReason: LEDGER_NOT_YET_SIGNED };
    const { proof, ...inclusion } = signed;
    return { ledger: { ...inclusion, inclusionProof: proof } };
  }

  private async signatureCheck(record: DocumentRecord): Promise<SignatureCheck> {
    const known = this.checks.get(record.code);
    if (known) return known;
    const check = {
      algorithm: 'CMS detached SignedData, SHA-256 with RSA',
      keyId: record.keyId,
      ...(await this.check(record)),
    } as const;
    remember(this.checks, record.code, check, CACHED_CHECKS);
    return check;
  }

  private async check(record: DocumentRecord): Promise<{ valid: boolean; reason?: string }> {
    const { content, signature } = await this.access.issued(record);
    const digest = createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
    if (digest !== record.contentSha256)
      return { valid: false, reason: 'the content does not match its digest' };
    return this.signer.check(content, signature);
  }

  private certificate(keyId: string): CertificateSummary | null {
    if (!this.certificates.has(keyId)) {
      const pem = this.signer.certificateOf(keyId);
      const described = pem ? describeCertificate(pem) : undefined;
      this.certificates.set(
        keyId,
        described
          ? {
              subject: described.subject,
              issuer: described.issuer,
              validFrom: described.notBefore,
              validTo: described.notAfter,
            }
          : null,
      );
    }
    return this.certificates.get(keyId)!;
  }
}
