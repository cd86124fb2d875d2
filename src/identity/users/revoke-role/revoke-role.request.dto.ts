import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { ROLES, type Role } from '../../roles.js';

/** Names the grant by role and scope; its regions go with it. */
export class RevokeRoleRequestDto extends ReasonRequestDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

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
