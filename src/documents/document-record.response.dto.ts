import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DocumentRecord, DocumentStatus } from '../../projections/documents/documents.projection.js';
import { DOCUMENT_KINDS, type DocumentKind } from './document.events.js';

class DocumentSubjectDto {
  @ApiProperty({ description: 'the stream whose event caused the document' }) stream!: string;
  @ApiProperty() eventId!: string;
}

/** A signed document's record: what it is about, who holds it, and whether it still stands. */
export class DocumentRecordResponseDto implements DocumentRecord {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiPropertyOptional({ example: '1-1-1-1-0-0-0' }) renewalCode?: string;
  @ApiProperty({ type: DocumentSubjectDto }) subject!: DocumentSubjectDto;
  @ApiProperty({ type: [String], description: 'national ids of the people it is about' })
  holderNationalIds!: readonly string[];
  @ApiPropertyOptional() organisation?: string;
  @ApiProperty() contentSha256!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'the compact signed seal for offline checks' }) seal!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'the DocumentIssued event, whose leaf the ledger proves' })
  issueEventId!: string;
  @ApiProperty({ enum: ['valid', 'revoked', 'superseded'] }) status!: DocumentStatus;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{ reason, at }' })
  revocation?: DocumentRecord['revocation'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{ by, reason, at }' })
  supersession?: DocumentRecord['supersession'];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what verification may show' })
  summary!: DocumentRecord['summary'];
  @ApiProperty({ description: 'global position of the last change' }) position!: string;
}
