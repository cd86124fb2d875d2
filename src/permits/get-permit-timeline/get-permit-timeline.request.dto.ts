import { ApiPropertyOptional } from '@nestjs/swagger';
import { PaginationQueryDto } from '../../shared/http/pagination.js';

/** A file holds a few dozen events: one page shows a whole file unless it is an unusual one. */
export class PermitTimelineQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 100 })
  override pageSize: number = 100;
}
