import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RegionDto } from '../municipality.dto.js';
import { MUNICIPALITY_CODE, PROVINCE_CODE } from '../municipality.events.js';

export class RegisterMunicipalityRequestDto {
  @ApiProperty({ example: 'hamedan', pattern: MUNICIPALITY_CODE.source })
  @Matches(MUNICIPALITY_CODE, { message: 'code must be 2 to 32 of a-z, 0-9 and -, starting with a letter' })
  code!: string;

  @ApiProperty({ example: 'Hamedan' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'همدان' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  nameFa!: string;

  @ApiPropertyOptional({ type: [RegionDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RegionDto)
  regions?: RegionDto[];

  @ApiPropertyOptional({
    example: 'hamedan',
    description: 'the province (استان): provincial oversight covers it',
  })
  @IsOptional()
  @Matches(PROVINCE_CODE, { message: 'province must be 2 to 32 of a-z, 0-9 and -, starting with a letter' })
  province?: string;
}
