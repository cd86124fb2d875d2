import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class InspectionViolationDto {
  @ApiProperty({ example: 'A fifth floor built beyond the permit' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  description!: string;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  areaM2?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  photos?: string[];
}

export class ReportInspectionRequestDto {
  @ApiProperty()
  @IsBoolean()
  compliant!: boolean;

  @ApiProperty({ type: [InspectionViolationDto], description: 'at least one when not compliant' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InspectionViolationDto)
  violations!: InspectionViolationDto[];
}
