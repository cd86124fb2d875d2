import { ApiProperty } from '@nestjs/swagger';
import type { ExistingBuilding } from '../parcel.events.js';
import { ExistingBuildingDto } from '../parcel.dto.js';
import type { ParcelLookup } from './parcel-lookup.js';

class LookupOwnerDto {
  @ApiProperty({ description: 'masked unless the caller is an owner or staff' }) name!: string;
  @ApiProperty({ description: 'masked unless the caller is an owner or staff' }) nationalId!: string;
  @ApiProperty() sharePct!: number;
}

/** A parcel and what may be built on it, shaped by who asks (see `view`). */
export class ParcelLookupResponseDto implements ParcelLookup {
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ example: '1-1-1-1-0-0-0' }) renewalCode!: string;
  @ApiProperty({ example: '1' }) region!: string;
  @ApiProperty() areaM2!: number;
  @ApiProperty() streetWidthM!: number;
  @ApiProperty({ example: 'R2' }) zone!: string;
  @ApiProperty({ example: 'residential' }) landUse!: string;
  @ApiProperty({ type: ExistingBuildingDto, nullable: true }) existingBuilding!: ExistingBuilding | null;
  @ApiProperty({ type: [LookupOwnerDto] }) owners!: ParcelLookup['owners'];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'zoning limits by the rule set in force, with its effectiveFrom; null while none is',
  })
  limits!: ParcelLookup['limits'];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'owesAnything for everyone; the amounts year by year for owners and staff',
  })
  debts!: ParcelLookup['debts'];
  @ApiProperty({ enum: ['public', 'owner', 'staff'] }) view!: ParcelLookup['view'];
}
