import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FEED_CATEGORY, FEED_EVENT_TYPE } from '../../identity/feed-scope.js';
import { MUNICIPALITY_CODE } from '../../identity/municipalities/municipality.events.js';
import type { FeedReadOptions } from '../feed-reader.js';

export const MAX_FEED_LIMIT = 1000;
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;

/** `GET /feed`'s query; the same filters carry over to the next page's link. */
export class GetFeedRequestDto {
  @ApiPropertyOptional({
    description: 'the cursor of the page before (`X-Next-Cursor`); absent: from the start',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEED_LIMIT, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_LIMIT)
  limit: number = 100;

  @ApiPropertyOptional({ type: String, description: 'comma-separated event types', example: 'PermitIssued' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(100)
  @Matches(FEED_EVENT_TYPE, { each: true })
  types?: string[];

  @ApiPropertyOptional({
    type: String,
    description: 'comma-separated stream categories',
    example: 'permit,parcel',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(20)
  @Matches(FEED_CATEGORY, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ example: 'hamedan' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;
}

/** The filters of a feed request as the reader takes them. */
export function feedFilters({
  types,
  categories,
  municipality,
}: Pick<GetFeedRequestDto, 'types' | 'categories' | 'municipality'>): Omit<FeedReadOptions, 'limit'> {
  return {
    ...(types ? { types } : {}),
    ...(categories ? { categories } : {}),
    ...(municipality ? { municipality } : {}),
  };
}
