import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FeedScopeDto } from '../../feed-scope.dto.js';
import { ORGANISATION_ID } from '../../organisations/organisation.events.js';
import { ApiKeyResponseDto } from '../api-key.response.dto.js';
import { API_KEY_PERMISSIONS } from '../api-key-permissions.js';

export class IssueApiKeyRequestDto {
  @ApiProperty({ example: 'notary-12-hamedan' })
  @Matches(ORGANISATION_ID)
  organisation!: string;

  @ApiProperty({ example: 'notary office software' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  label!: string;

  @ApiProperty({ enum: API_KEY_PERMISSIONS, isArray: true, example: ['inquiries:file', 'inquiries:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_KEY_PERMISSIONS.length)
  @ArrayUnique()
  @IsString({ each: true })
  permissions!: string[];

  @ApiPropertyOptional({
    type: FeedScopeDto,
    description: 'with feed:read only: what of the feed the key reads; absent, all its role may',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedScopeDto)
  feed?: FeedScopeDto;
}

export class IssuedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    description: 'the key, shown this once: send it as `Authorization: ApiKey <key>`',
    example: 'dk_0123456789abcdef_…',
  })
  key!: string;
}
