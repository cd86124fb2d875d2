import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type {
  Documents,
  FieldValue,
  ListQuery,
  Page,
  Position,
} from '../../event-store/subscriptions/documents.js';
import { DomainError } from '../domain-error.js';

/** How many rows `?page=` may skip; deeper pages are reached with `?cursor=`, which skips none. */
export const MAX_OFFSET = 10_000;

/** `?page=&pageSize=` or `?cursor=&pageSize=` of every list endpoint; filter DTOs extend it. */
export class PaginationQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    default: 1,
    description: `at most ${MAX_OFFSET} rows deep (REQUEST.PAGE_TOO_DEEP); page further with \`cursor\``,
  })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;

  @ApiPropertyOptional({
    description: 'the `nextCursor` of the page before: the page after it, however deep (not with `page`)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;
}

export interface PageResponse<Item> {
  readonly items: Item[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly nextCursor?: string;
}

/** The rows a page asks for: after its cursor, or at its offset when that is not too deep. */
export function pageWindow(
  pagination: PaginationQueryDto,
  orderBy: string | undefined,
): Pick<ListQuery, 'limit' | 'offset' | 'after'> {
  const { page, pageSize, cursor } = pagination;
  if (cursor !== undefined) {
    if (page !== 1) throw invalidPage('page and cursor exclude each other');
    return { limit: pageSize, after: decodeCursor(cursor, orderBy) };
  }
  const offset = (page - 1) * pageSize;
  if (offset > MAX_OFFSET) {
    throw new DomainError(
      'REQUEST.PAGE_TOO_DEEP',
      `page skips ${offset} rows, more than ${MAX_OFFSET}: follow nextCursor instead`,
      'invalid',
      { maxOffset: MAX_OFFSET },
    );
  }
  return { limit: pageSize, offset };
}

/** The API's page of what a read model found, with the cursor of the page after it. */
export function pageOf<Doc, Item>(
  found: Page<Doc>,
  pagination: PaginationQueryDto,
  orderBy: string | undefined,
  show: (doc: Doc) => Item,
): PageResponse<Item> {
  const { page, pageSize } = pagination;
  return {
    items: found.items.map(show),
    total: found.total,
    page,
    pageSize,
    ...(found.next ? { nextCursor: encodeCursor(found.next, orderBy) } : {}),
  };
}

/** One page of a read model's documents, each mapped to what the API shows of it. */
export function listPage<Doc, Item>(
  documents: Documents<Doc>,
  pagination: PaginationQueryDto,
  query: Omit<ListQuery, 'limit' | 'offset' | 'after'>,
  show: (doc: Doc) => Item,
): PageResponse<Item> {
  const found = documents.list({ ...query, ...pageWindow(pagination, query.orderBy) });
  return pageOf(found, pagination, query.orderBy, show);
}

/** Opaque to clients: the field the list is ordered by, its value in the last row, and that row's id. */
export function encodeCursor(position: Position, orderBy: string | undefined): string {
  return Buffer.from(JSON.stringify([orderBy ?? 'id', position.key, position.id])).toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeCursor(cursor: string, orderBy: string | undefined): Position {
  let decoded: unknown;
  try {
    decoded = BASE64URL.test(cursor)
      ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    decoded[0] === (orderBy ?? 'id') &&
    isKey(decoded[1]) &&
    typeof decoded[2] === 'string'
  ) {
    return { key: decoded[1], id: decoded[2] };
  }
  throw new DomainError('REQUEST.INVALID_CURSOR', 'cursor is not a nextCursor of this list', 'invalid', {
    fields: [{ field: 'cursor', message: 'not a nextCursor of this list' }],
  });
}

const isKey = (value: unknown): value is FieldValue =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

function invalidPage(message: string): DomainError {
  return new DomainError('REQUEST.INVALID', message, 'invalid', { fields: [{ field: 'page', message }] });
}

/** The OpenAPI schema of a page of `item`. */
export function PageOf<Item>(item: Type<Item>): Type<PageResponse<Item>> {
  class PageDto implements PageResponse<Item> {
    @ApiProperty({ type: [item] }) items!: Item[];
    @ApiProperty({ description: 'how many match, on all pages' }) total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
    @ApiPropertyOptional({ description: 'pass as `cursor` for the next page; absent on the last page' })
    nextCursor?: string;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
