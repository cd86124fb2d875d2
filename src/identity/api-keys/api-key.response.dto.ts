import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiKeyView } from '../../../projections/api-keys/api-keys.projection.js';
import { FeedScopeDto } from '../feed-scope.dto.js';
import type { FeedScope } from '../feed-scope.js';
import { ROLES, type Role } from '../roles.js';
import { API_KEY_PERMISSIONS } from './api-key-permissions.js';

/** An API key as admins see it: never its secret, nor the secret's digest. */
export class ApiKeyResponseDto {
  @ApiProperty({ example: '0123456789abcdef' }) keyId!: string;
  @ApiProperty({ example: 'notary office software' }) label!: string;
  @ApiProperty({ example: 'notary-12-hamedan' }) organisation!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: API_KEY_PERMISSIONS, isArray: true }) permissions!: readonly string[];
  @ApiProperty() revoked!: boolean;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'the admin who issued it' }) issuedBy!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiPropertyOptional({ type: FeedScopeDto }) feed?: FeedScope;
}

export function toApiKeyResponse(doc: ApiKeyView): ApiKeyResponseDto {
  return {
    keyId: doc.keyId,
    label: doc.label,
    organisation: doc.organisation,
    role: doc.role,
    permissions: doc.permissions,
    revoked: doc.revoked,
    issuedAt: doc.issuedAt,
    issuedBy: doc.issuedBy,
    revokedAt: doc.revokedAt,
    revokedReason: doc.revokedReason,
    ...(doc.feed ? { feed: doc.feed } : {}),
  };
}
