import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { FeedScopeDto, toFeedScope } from '../feed-scope.dto.js';
import { MUNICIPALITY_CODE, PROVINCE_CODE, REGION_CODE } from '../municipalities/municipality.events.js';
import { ORGANISATION_ID } from '../organisations/organisation.events.js';
import { ROLES, type Grant, type Role } from '../roles.js';

/** A role in its scope: staff roles in a municipality (and maybe regions), organisation roles in one. */
export class GrantDto {
  @ApiProperty({ enum: ROLES, example: 'clerk' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'hamedan' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;

  @ApiPropertyOptional({
    example: 'hamedan',
    description: 'instead of a municipality, for oversight: every municipality of the province',
  })
  @IsOptional()
  @Matches(PROVINCE_CODE)
  province?: string;

  @ApiPropertyOptional({ type: [String], example: ['1', '2'], description: 'staff roles only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(REGION_CODE, { each: true })
  regions?: string[];

  @ApiPropertyOptional({ example: 'notary-12-hamedan' })
  @IsOptional()
  @Matches(ORGANISATION_ID)
  organisation?: string;

  @ApiPropertyOptional({ type: FeedScopeDto, description: 'integrators only: what of the feed they read' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedScopeDto)
  feed?: FeedScopeDto;
}

/** The grant as events carry it: no empty or absent scope fields. */
export function toGrant(dto: GrantDto): Grant {
  return {
    role: dto.role,
    ...(dto.municipality !== undefined ? { municipality: dto.municipality } : {}),
    ...(dto.province !== undefined ? { province: dto.province } : {}),
    ...(dto.regions?.length ? { regions: dto.regions } : {}),
    ...(dto.organisation !== undefined ? { organisation: dto.organisation } : {}),
    ...(dto.feed !== undefined ? { feed: toFeedScope(dto.feed) } : {}),
  };
}
