import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MUNICIPALITY_CODE } from '../../municipalities/municipality.events.js';
import {
  OFFICE_NUMBER,
  ORGANISATION_ID,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../organisation.events.js';

export class RegisterOrganisationRequestDto {
  @ApiProperty({ example: 'notary-12-hamedan', pattern: ORGANISATION_ID.source })
  @Matches(ORGANISATION_ID, { message: 'id must be 2 to 64 of a-z, 0-9 and -' })
  id!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ example: 'Notary office 12 of Hamedan' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'دفتر اسناد رسمی ۱۲ همدان' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameFa?: string;

  @ApiPropertyOptional({
    description: 'required for a notary office',
    example: '12',
    pattern: OFFICE_NUMBER.source,
  })
  @IsOptional()
  @Matches(OFFICE_NUMBER, { message: 'officeNumber must be a number such as "12"' })
  officeNumber?: string;

  @ApiPropertyOptional({ description: 'a registered municipality', example: 'hamedan' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;
}
