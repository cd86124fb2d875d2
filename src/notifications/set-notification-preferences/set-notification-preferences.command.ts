import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { NotificationPreferencesResponseDto } from '../notification-preferences.response.dto.js';
import type { SetNotificationPreferencesRequestDto } from './set-notification-preferences.request.dto.js';

export class SetNotificationPreferencesCommand extends Command<NotificationPreferencesResponseDto> {
  constructor(
    readonly request: SetNotificationPreferencesRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
