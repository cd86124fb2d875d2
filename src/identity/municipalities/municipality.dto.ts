import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { MunicipalityView } from '../../../projections/municipalities/municipalities.projection.js';
import { REGION_CODE, type Region } from './municipality.events.js';

export class RegionDto {
  @ApiProperty({ example: '1', pattern: REGION_CODE.source })
  @Matches(REGION_CODE, { message: 'code must be 1 to 32 of a-z, 0-9 and -' })
  code!: string;

  @ApiProperty({ example: 'منطقه ۱' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

export class MunicipalityResponseDto implements MunicipalityView {
  @ApiProperty({ example: 'hamedan' }) code!: string;
  @ApiProperty({ example: 'Hamedan' }) name!: string;
  @ApiProperty({ example: 'همدان' }) nameFa!: string;
  @ApiProperty({ type: [RegionDto] }) regions!: readonly Region[];
  @ApiPropertyOptional({ example: 'hamedan' }) province?: string;
  @ApiProperty() registeredAt!: string;
  @ApiProperty() updatedAt!: string;
}
