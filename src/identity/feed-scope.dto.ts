import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { FEED_CATEGORIES, PUBLISHED_TYPES } from '../feed/policy/event-policies.js';
import type { FeedScope } from './feed-scope.js';
import { MUNICIPALITY_CODE } from './municipalities/municipality.events.js';

/** What of the integrator feed a grant or an API key reads; each list absent: all. */
export class FeedScopeDto implements FeedScope {
  @ApiPropertyOptional({ type: [String], example: ['hamedan'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(MUNICIPALITY_CODE, { each: true })
  municipalities?: string[];

  @ApiPropertyOptional({ type: [String], enum: FEED_CATEGORIES, example: ['permit', 'parcel'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(FEED_CATEGORIES, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ type: [String], enum: PUBLISHED_TYPES, example: ['PermitIssued'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PUBLISHED_TYPES, { each: true })
  types?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: FEED_CATEGORIES,
    description: 'categories whose personal data (national ids, mobiles, names) is shown unmasked',
    example: ['parcel'],
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(FEED_CATEGORIES, { each: true })
  pii?: string[];
}

/** The scope as events carry it: only the lists given. */
export function toFeedScope(dto: FeedScopeDto): FeedScope {
  return {
    ...(dto.municipalities ? { municipalities: dto.municipalities } : {}),
    ...(dto.categories ? { categories: dto.categories } : {}),
    ...(dto.types ? { types: dto.types } : {}),
    ...(dto.pii ? { pii: dto.pii } : {}),
  };
}
