import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MUNICIPALITY_CODE } from '../../identity/municipalities/municipality.events.js';
import { ExistingBuildingDto, ParcelOwnerDto } from '../parcel.dto.js';

const DECIMAL = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

export class RegisterParcelRequestDto {
  @ApiProperty({ example: 'hamedan' })
  @Matches(MUNICIPALITY_CODE)
  municipality!: string;

  @ApiProperty({
    description: 'renewal code (کد نوسازی): district-region-block-parcel-building-apartment-shop',
    example: '1-1-1-5-0-0-0',
  })
  @IsString()
  @MaxLength(64)
  renewalCode!: string;

  @ApiProperty({ description: 'm², two decimals at most', example: 250 })
  @IsNumber(DECIMAL)
  areaM2!: number;

  @ApiProperty({ description: 'width of the street it faces, m', example: 12 })
  @IsNumber(DECIMAL)
  streetWidthM!: number;

  @ApiProperty({ description: 'zone of the detailed plan (طرح تفصیلی)', example: 'R2' })
  @IsString()
  @MaxLength(16)
  zone!: string;

  @ApiProperty({ description: 'current land use (کاربری)', example: 'residential' })
  @IsString()
  @MaxLength(32)
  landUse!: string;

  @ApiProperty({ type: [ParcelOwnerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ParcelOwnerDto)
  owners!: ParcelOwnerDto[];

  @ApiProperty({ type: ExistingBuildingDto, nullable: true, description: 'null for vacant land' })
  @ValidateIf((body: RegisterParcelRequestDto) => body.existingBuilding !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => ExistingBuildingDto)
  existingBuilding!: ExistingBuildingDto | null;
}
