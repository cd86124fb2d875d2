import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
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
}

export class IssuedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    description: 'the key, shown this once: send it as `Authorization: ApiKey <key>`',
    example: 'dk_0123456789abcdef_…',
  })
  key!: string;
}
