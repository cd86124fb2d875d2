import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../../shared/http/pagination.js';
import { ROLES, type Role } from '../../roles.js';

/** Filters match within one grant: `role=clerk&municipality=hamedan` finds the clerks of Hamedan. */
export class GetUsersQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'hamedan' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  municipality?: string;

  @ApiPropertyOptional({ example: 'notary-12-hamedan' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisation?: string;
}
