import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../../shared/http/pagination.js';

export class GetApiKeysQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ example: 'notary-12-hamedan' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisation?: string;
}
