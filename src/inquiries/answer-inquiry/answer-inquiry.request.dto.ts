import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AMOUNT_ITEMS,
  INQUIRY_OUTCOMES,
  type AmountDue,
  type AmountItem,
  type InquiryOutcome,
} from '../inquiry.events.js';

export class AmountDueDto implements AmountDue {
  @ApiProperty({ enum: AMOUNT_ITEMS })
  @IsIn(AMOUNT_ITEMS)
  item!: AmountItem;

  @ApiProperty({ example: 500_000, description: 'integer rials' })
  @IsInt()
  @Min(1)
  amount!: number;

  @ApiPropertyOptional({ example: 1405, description: 'renewal_dues: the Solar Hijri year' })
  @IsOptional()
  @IsInt()
  @Min(1300)
  @Max(1600)
  year?: number;

  @ApiPropertyOptional({ description: 'permit_fees, fine: the permit file' })
  @IsOptional()
  @IsUUID()
  permitId?: string;
}

export class AnswerInquiryRequestDto {
  @ApiProperty({ enum: INQUIRY_OUTCOMES })
  @IsIn(INQUIRY_OUTCOMES)
  outcome!: InquiryOutcome;

  @ApiPropertyOptional({
    type: [String],
    description: 'the clerk’s reasons, required to block; added after what the checks found',
    example: ['Unpaid renewal dues of 1404'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(500, { each: true })
  reasons?: string[];

  @ApiPropertyOptional({
    type: [AmountDueDto],
    description: 'blocked only: what the owner must pay, instead of what the checks found',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AmountDueDto)
  @ArrayMaxSize(50)
  amountsDue?: AmountDueDto[];
}
