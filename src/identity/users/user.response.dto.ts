import { ApiProperty } from '@nestjs/swagger';
import type { UserView } from '../../../projections/users/users.projection.js';
import type { Grant } from '../roles.js';
import { GrantDto } from './grant.dto.js';

/** A user as admins see it: everything but the password hash. */
export class UserResponseDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: 'r.karimi' }) username!: string;
  @ApiProperty({ example: 'Reza Karimi' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) nationalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
  @ApiProperty({ type: [GrantDto] }) grants!: readonly Grant[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ enum: ['registration', 'admin', 'demo', 'bootstrap'] }) origin!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toUserResponse(user: UserView): UserResponseDto {
  return {
    userId: user.userId,
    username: user.username,
    displayName: user.displayName,
    nationalId: user.nationalId,
    mobile: user.mobile,
    grants: user.grants,
    disabled: user.disabled,
    origin: user.origin,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
