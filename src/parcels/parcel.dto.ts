import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ParcelView } from '../../projections/parcels/parcels.projection.js';
import type { ParcelDebtSummary } from './parcel-debts.js';
import type { ExistingBuilding, ParcelOwner } from './parcel.events.js';

const DECIMAL = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

/** An owner (مالک) by national id, with a share of the parcel in percent (two decimals). */
export class ParcelOwnerDto implements ParcelOwner {
  @ApiProperty({ description: 'national id (کد ملی); Persian digits accepted', example: '0013542419' })
  @IsString()
  @MaxLength(20)
  nationalId!: string;

  @ApiProperty({ example: 'زهرا احمدی' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: 'percent; the owners’ shares add up to 100', example: 100 })
  @IsNumber(DECIMAL)
  @Max(100)
  sharePct!: number;
}

export class ExistingBuildingDto implements ExistingBuilding {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(200)
  floors!: number;

  @ApiProperty({ description: 'floor area, m²', example: 300 })
  @IsNumber(DECIMAL)
  areaM2!: number;
}

/** The plain value events carry, whatever class the validation pipe made of it. */
export const toBuilding = (building: ExistingBuilding | null): ExistingBuilding | null =>
  building === null ? null : { floors: building.floors, areaM2: building.areaM2 };

class YearDuesDto {
  @ApiProperty({ description: 'Solar Hijri year', example: 1405 }) year!: number;
  @ApiProperty({ description: 'rials' }) billed!: number;
  @ApiProperty({ description: 'rials' }) paid!: number;
}

/** A parcel as staff see it (the read-model view). */
export class ParcelResponseDto implements ParcelView {
  @ApiProperty({ example: 'hamedan:1-1-1-1-0-0-0' }) id!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ example: '1-1-1-1-0-0-0' }) renewalCode!: string;
  @ApiProperty({ description: 'the municipal region: the renewal code’s first part', example: '1' })
  region!: string;
  @ApiProperty() areaM2!: number;
  @ApiProperty() streetWidthM!: number;
  @ApiProperty({ example: 'R2' }) zone!: string;
  @ApiProperty({ example: 'residential' }) landUse!: string;
  @ApiProperty({ type: ExistingBuildingDto, nullable: true }) existingBuilding!: ExistingBuilding | null;
  @ApiProperty({ type: [ParcelOwnerDto] }) owners!: readonly ParcelOwner[];
  @ApiProperty({ type: [YearDuesDto] }) dues!: readonly YearDuesDto[];
  @ApiProperty({ description: 'billed and unpaid renewal dues, rials' }) outstandingDues!: number;
  @ApiProperty() registeredAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'global position of the last change' }) position!: string;
}

class YearDuesSummaryDto extends YearDuesDto {
  @ApiProperty({ description: 'rials' }) outstanding!: number;
}

/** A parcel's renewal dues (عوارض نوسازی), year by year. */
export class ParcelDebtsResponseDto implements ParcelDebtSummary {
  @ApiProperty({ example: '1-1-1-2-0-0-0' }) renewalCode!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ type: [YearDuesSummaryDto] }) renewalDues!: readonly YearDuesSummaryDto[];
  @ApiProperty({ description: 'outstanding rials over all years' }) total!: number;
  @ApiProperty() owesAnything!: boolean;
}

export function toDebtsResponse(parcel: ParcelView, debts: ParcelDebtSummary): ParcelDebtsResponseDto {
  return { renewalCode: parcel.renewalCode, municipality: parcel.municipality, ...debts };
}
