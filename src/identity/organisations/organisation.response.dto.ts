import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationView } from '../../../projections/organisations/organisations.projection.js';
import { ORGANISATION_KINDS, type OrganisationKind } from './organisation.events.js';

export class OrganisationResponseDto implements OrganisationView {
  @ApiProperty({ example: 'notary-12-hamedan' }) id!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ example: 'Notary office 12 of Hamedan' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'دفتر اسناد رسمی ۱۲ همدان' }) nameFa!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12' }) officeNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'hamedan' }) municipality!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() registeredAt!: string;
  @ApiProperty({ type: String, nullable: true }) deactivatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) deactivationReason!: string | null;
}
