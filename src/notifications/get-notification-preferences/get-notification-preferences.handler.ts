import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import {
  toPreferencesResponse,
  type NotificationPreferencesResponseDto,
} from '../notification-preferences.response.dto.js';
import { ownAccount } from '../own-account.js';
import { GetNotificationPreferencesQuery } from './get-notification-preferences.query.js';

@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<GetNotificationPreferencesQuery> {
  constructor(private readonly users: UsersReadModel) {}

  async execute({ caller }: GetNotificationPreferencesQuery): Promise<NotificationPreferencesResponseDto> {
    return toPreferencesResponse(ownAccount(this.users, caller));
  }
}
