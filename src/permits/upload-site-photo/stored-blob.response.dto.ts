import { ApiProperty } from '@nestjs/swagger';
import type { StoredBlob } from '../../attachments/blob-store.js';

export class StoredBlobResponseDto implements StoredBlob {
  @ApiProperty({
    description: 'hex SHA-256 of the bytes: the name the report cites',
    example: 'b'.repeat(64),
  })
  sha256!: string;

  @ApiProperty({ description: 'bytes', example: 482_113 })
  size!: number;

  @ApiProperty({ example: 'image/jpeg' })
  mediaType!: string;
}
