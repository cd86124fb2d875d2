import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { NotificationPreferencesResponseDto } from '../notification-preferences.response.dto.js';

export class GetNotificationPreferencesQuery extends Query<NotificationPreferencesResponseDto> {
  constructor(readonly caller: Caller) {
    super();
  }
}
