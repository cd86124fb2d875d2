import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UserView } from '../../projections/users/users.projection.js';
import { maskMobile } from '../shared/masking.js';
import { effectivePreferences } from './notification-preferences.js';
import { CHANNELS, LANGUAGES, type Channel, type Language } from './notification-topics.js';

export class NotificationPreferencesResponseDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Where news of the own files goes' })
  channels!: readonly Channel[];
  @ApiPropertyOptional() email?: string;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiPropertyOptional({
    description: 'The registered mobile, masked: SMS goes there',
    example: '0912***4567',
  })
  mobile?: string;
  @ApiProperty({ description: 'False while the defaults apply: SMS to the registered mobile, in Persian' })
  chosen!: boolean;
}

export function toPreferencesResponse(user: UserView): NotificationPreferencesResponseDto {
  const { channels, email, language } = effectivePreferences(user);
  return {
    channels,
    ...(email === undefined ? {} : { email }),
    language,
    ...(user.mobile ? { mobile: maskMobile(user.mobile) } : {}),
    chosen: user.notifications !== null,
  };
}
