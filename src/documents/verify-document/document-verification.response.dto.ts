import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DocumentStatus } from '../../../projections/documents/documents.projection.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../document.events.js';
import {
  type CertificateSummary,
  type DocumentVerification,
  LEDGER_NOT_YET_SIGNED,
  type LedgerInclusion,
  type SignatureCheck,
} from './document-verification.js';

class SignatureCheckDto implements SignatureCheck {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ enum: ['CMS detached SignedData, SHA-256 with RSA'] })
  algorithm!: SignatureCheck['algorithm'];
  @ApiProperty() keyId!: string;
  @ApiPropertyOptional({ description: 'why the check failed' }) reason?: string;
}

class CertificateSummaryDto implements CertificateSummary {
  @ApiProperty() subject!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty() validTo!: string;
}

class LedgerInclusionDto implements LedgerInclusion {
  @ApiProperty() leafIndex!: number;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'base64 SHA-256(0x00 ‖ the DocumentIssued event’s RFC 8785 bytes)' })
  leafHash!: string;
  @ApiProperty({ type: [String], description: 'base64 hashes, bottom up, as RFC 9162 §2.1.3.2 verifies' })
  inclusionProof!: readonly string[];
  @ApiProperty({ description: 'the signed note (C2SP tlog-checkpoint) of tree size `treeSize`' })
  checkpoint!: string;
}

class VerifiedMunicipalityDto {
  @ApiProperty({ example: 'hamedan' }) id!: string;
  @ApiPropertyOptional() nameFa?: string;
}

/** What the public learns of a document by its code: status, signature check, a masked summary. */
export class DocumentVerificationResponseDto implements DocumentVerification {
  @ApiProperty({ enum: ['valid', 'revoked', 'superseded'] }) status!: DocumentStatus;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ type: VerifiedMunicipalityDto }) municipality!: VerifiedMunicipalityDto;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'the Solar Hijri date of issue' }) issuedAtJalali!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'no amounts; names masked' })
  summary!: DocumentVerification['summary'];
  @ApiProperty() contentSha256!: string;
  @ApiProperty({ type: SignatureCheckDto }) signature!: SignatureCheckDto;
  @ApiProperty({ type: CertificateSummaryDto, nullable: true }) certificate!: CertificateSummaryDto | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{ reason, at }' })
  revocation?: DocumentVerification['revocation'];
  @ApiPropertyOptional() supersededBy?: string;
  @ApiProperty({
    type: LedgerInclusionDto,
    nullable: true,
    description: 'the issuing event’s inclusion proof against the latest signed checkpoint',
  })
  ledger!: LedgerInclusionDto | null;
  @ApiPropertyOptional({
    enum: [LEDGER_NOT_YET_SIGNED],
    description:
      'why `ledger` is null: no signed checkpoint holds the issuing event yet (ask again in seconds)',
  })
  ledgerReason?: typeof LEDGER_NOT_YET_SIGNED;
}
