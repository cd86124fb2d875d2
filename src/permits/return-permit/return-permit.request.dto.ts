import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ReturnReasonDto {
  @ApiPropertyOptional({
    example: 'ownership_deed',
    description: 'the document it is about; none: the whole file',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,40}$/)
  documentKind?: string;

  @ApiProperty({ example: 'The deed scan is illegible' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class ReturnPermitRequestDto {
  @ApiProperty({ type: [ReturnReasonDto] })
  @ValidateNested({ each: true })
  @Type(() => ReturnReasonDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  reasons!: ReturnReasonDto[];
}
