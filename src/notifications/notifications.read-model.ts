import { Injectable } from '@nestjs/common';
import {
  notificationsProjection,
  type NotificationView,
} from '../../projections/notifications/notifications.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

@Injectable()
export class NotificationsReadModel extends Documents<NotificationView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, notificationsProjection.name);
  }

  /**
   * Queued messages due by `now`, the longest waiting first; `quiet`: only what quiet hours let through
   * (email, urgent SMS), so that held messages never crowd out the rest.
   */
  due(now: string, limit: number, quiet: boolean): NotificationView[] {
    return this.list({
      where: { status: 'queued', dueAt: { op: '<=', value: now } },
      ...(quiet ? { anyOf: [[{ channel: 'email' }, { urgent: true }]] } : {}),
      orderBy: 'dueAt',
      limit,
    }).items;
  }
}
