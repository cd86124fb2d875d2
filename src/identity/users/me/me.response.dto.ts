import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GrantDto } from '../grant.dto.js';

/** The signed-in principal, as `GET /me` shows it. */
export class MeResponseDto {
  @ApiProperty({ enum: ['user', 'api_key'] }) kind!: 'user' | 'api_key';
  @ApiProperty({ description: 'the user id, or the API key id' }) id!: string;
  @ApiProperty({ example: 'Reza Karimi' }) displayName!: string;
  @ApiPropertyOptional({ example: 'r.karimi' }) username?: string;
  @ApiPropertyOptional({ description: 'citizens: their national id' }) nationalId?: string;
  @ApiProperty({ type: [GrantDto] }) grants!: GrantDto[];
  @ApiPropertyOptional({ type: [String], description: 'API keys only', example: ['inquiries:file'] })
  permissions?: string[];
  @ApiProperty({ enum: ['password_token', 'oidc', 'api_key'] })
  authenticatedBy!: 'password_token' | 'oidc' | 'api_key';
}
