import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RequestConsentRequestDto {
  @ApiProperty({ description: "The citizen's national id (کد ملی)", example: '0013542419' })
  @IsString()
  @MaxLength(20)
  nationalId!: string;

  @ApiPropertyOptional({
    description:
      "Only for a citizen without an account: the mobile registered to their national id. A citizen's account mobile is used otherwise.",
    example: '09121234567',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  mobile?: string;
}
