import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Documents, ListQuery } from '../../event-store/subscriptions/documents.js';

/** `?page=&pageSize=` of every list endpoint; filter DTOs extend it. */
export class PaginationQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export interface PageResponse<Item> {
  readonly items: Item[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** One page of a read model's documents, each mapped to what the API shows of it. */
export function listPage<Doc, Item>(
  documents: Documents<Doc>,
  pagination: PaginationQueryDto,
  query: Omit<ListQuery, 'limit' | 'offset'>,
  show: (doc: Doc) => Item,
): PageResponse<Item> {
  const { page, pageSize } = pagination;
  const { items, total } = documents.list({ ...query, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: items.map(show), total, page, pageSize };
}

/** The OpenAPI schema of a page of `item`. */
export function PageOf<Item>(item: Type<Item>): Type<PageResponse<Item>> {
  class PageDto implements PageResponse<Item> {
    @ApiProperty({ type: [item] }) items!: Item[];
    @ApiProperty({ description: 'how many match, on all pages' }) total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
