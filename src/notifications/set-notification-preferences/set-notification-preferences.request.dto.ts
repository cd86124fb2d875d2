import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { CHANNELS, LANGUAGES, type Channel, type Language } from '../notification-topics.js';

export class SetNotificationPreferencesRequestDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'None: no messages at all' })
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels!: Channel[];

  @ApiPropertyOptional({ description: 'Required when channels include email', example: 'zahra@example.org' })
  @IsOptional()
  @IsEmail({ allow_display_name: false, allow_ip_domain: false, require_tld: true })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language!: Language;
}
