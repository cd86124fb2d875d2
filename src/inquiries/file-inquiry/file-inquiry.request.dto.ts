import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PAYMENT_REFERENCE } from '../../parcels/pay-renewal-dues/pay-renewal-dues.request.dto.js';
import { INQUIRY_KINDS, type InquiryKind } from '../../rule-sets/rule-set.js';

export class FileInquiryRequestDto {
  @ApiProperty({
    enum: INQUIRY_KINDS,
    description: 'notary: Transfer; bank: Bank; utility: Utility; citizen and counter office: NoViolation',
  })
  @IsIn(INQUIRY_KINDS)
  kind!: InquiryKind;

  @ApiProperty({ example: '1-1-1-1-0-0-0', description: 'the parcel’s renewal code (کد نوسازی)' })
  @IsString()
  @MaxLength(64)
  renewalCode!: string;

  @ApiPropertyOptional({
    example: 'hamedan',
    description: 'needed when the code exists in several municipalities',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,40}$/)
  municipality?: string;

  @ApiProperty({
    example: 'N12-1405-000731',
    description: 'the requester’s letter number: filing it again answers the same inquiry',
    pattern: PAYMENT_REFERENCE.source,
  })
  @Matches(PAYMENT_REFERENCE, { message: 'requesterReference must be 1 to 64 visible ASCII characters' })
  requesterReference!: string;

  @ApiProperty({ example: 'sale of the property (نقل و انتقال)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  purpose!: string;
}
