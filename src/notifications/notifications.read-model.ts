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

  /** Queued messages due by `now`, the longest waiting first. */
  due(now: string, limit: number): NotificationView[] {
    return this.list({
      where: { status: 'queued', dueAt: { op: '<=', value: now } },
      orderBy: 'dueAt',
      limit,
    }).items;
  }
}
