import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ExistingBuildingDto } from '../parcel.dto.js';
import { ParcelCommandRequestDto } from '../parcel-command.request.dto.js';

const DECIMAL = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

/** The details to correct; what is left out stays as it is. */
export class ParcelChangesDto {
  @ApiPropertyOptional({ example: 262.5 })
  @IsOptional()
  @IsNumber(DECIMAL)
  areaM2?: number;

  @ApiPropertyOptional({ example: 14 })
  @IsOptional()
  @IsNumber(DECIMAL)
  streetWidthM?: number;

  @ApiPropertyOptional({ example: 'R3' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  zone?: string;

  @ApiPropertyOptional({ example: 'commercial' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  landUse?: string;

  @ApiPropertyOptional({ type: ExistingBuildingDto, nullable: true, description: 'null: now vacant' })
  @ValidateIf(
    (changes: ParcelChangesDto) =>
      changes.existingBuilding !== undefined && changes.existingBuilding !== null,
  )
  @IsObject()
  @ValidateNested()
  @Type(() => ExistingBuildingDto)
  existingBuilding?: ExistingBuildingDto | null;
}

export class CorrectParcelRequestDto extends ParcelCommandRequestDto {
  @ApiProperty({ type: ParcelChangesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelChangesDto)
  changes!: ParcelChangesDto;

  @ApiProperty({ example: 'surveyed again on 1405-08-12', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
