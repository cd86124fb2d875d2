import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../../shared/http/pagination.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.events.js';

export class GetOrganisationsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ example: 'hamedan' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  municipality?: string;
}
