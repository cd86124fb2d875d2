import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

export class CommissionRulingRequestDto {
  @ApiProperty({ enum: ['fine', 'demolition'] })
  @IsIn(['fine', 'demolition'])
  ruling!: 'fine' | 'demolition';

  @ApiPropertyOptional({ example: 250_000_000, description: 'integer rials, for a fine' })
  @IsOptional()
  @IsInt()
  @Min(1)
  fineAmount?: number;

  @ApiProperty({ example: 'C100-1405-0042', description: 'the ruling’s number' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  reference!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
