import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { FEED_CATEGORY, FEED_EVENT_TYPE } from '../../identity/feed-scope.js';
import { MUNICIPALITY_CODE } from '../../identity/municipalities/municipality.events.js';
import { MAX_URL_LENGTH } from '../webhook-url.js';

export class RegisterWebhookRequestDto {
  @ApiProperty({ example: 'https://bank.example.ir/daftar/webhook' })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['PermitIssued'],
    description: 'absent: all the owner may see',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(FEED_EVENT_TYPE, { each: true })
  types?: string[];

  @ApiPropertyOptional({ type: [String], example: ['permit'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(FEED_CATEGORY, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ type: [String], example: ['hamedan'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(MUNICIPALITY_CODE, { each: true })
  municipalities?: string[];
}
