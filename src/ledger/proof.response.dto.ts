import { ApiProperty } from '@nestjs/swagger';

export interface InclusionProof {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly proof: readonly string[];
}

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly string[];
}

export const base64 = (hash: Uint8Array): string => Buffer.from(hash).toString('base64');

export class InclusionProofResponseDto implements InclusionProof {
  @ApiProperty() leafIndex!: number;
  @ApiProperty() treeSize!: number;
  @ApiProperty({ description: 'base64 SHA-256(0x00 ‖ the event’s RFC 8785 bytes)' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'base64 hashes, bottom up, as RFC 9162 §2.1.3.2 verifies' })
  proof!: string[];
}

export class ConsistencyProofResponseDto implements ConsistencyProof {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [String], description: 'base64 hashes, as RFC 9162 §2.1.4.2 verifies' })
  proof!: string[];
}
