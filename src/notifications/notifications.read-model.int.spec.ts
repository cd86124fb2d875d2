import type { NotificationView } from '../../projections/notifications/notifications.projection.js';
import { notificationsProjection } from '../../projections/notifications/notifications.projection.js';
import { seededReadModels } from '../event-store/subscriptions/read-model.fixtures.js';
import { NotificationsReadModel } from './notifications.read-model.js';

const view = (messageId: string, changes: Partial<NotificationView>): NotificationView => ({
  messageId,
  channel: 'sms',
  userId: 'user-1',
  to: '0912***0001',
  municipality: 'hamedan',
  status: 'queued',
  topics: ['file_received'],
  urgent: false,
  dueAt: '2026-12-03T19:00:00.000Z',
  attempts: 0,
  lastError: null,
  queuedAt: '2026-12-03T18:58:00.000Z',
  updatedAt: '2026-12-03T18:58:00.000Z',
  ...changes,
});

describe('NotificationsReadModel.due', () => {
  const held = Array.from({ length: 60 }, (_, i) =>
    view(`held-${String(i).padStart(2, '0')}`, {
      dueAt: `2026-12-03T19:${String(i % 60).padStart(2, '0')}:00.000Z`,
    }),
  );
  const rows = [
    ...held,
    view('email', { channel: 'email', dueAt: '2026-12-03T20:30:00.000Z' }),
    view('urgent', { urgent: true, topics: ['commission_ruling'], dueAt: '2026-12-03T20:31:00.000Z' }),
    view('later', { channel: 'email', dueAt: '2026-12-03T23:00:00.000Z' }),
    view('sent', { channel: 'email', status: 'sent', dueAt: '2026-12-03T19:00:00.000Z' }),
  ];
  const { readModels } = seededReadModels([
    [notificationsProjection, rows.map((doc) => ({ id: doc.messageId, doc }))],
  ]);
  const outbox = new NotificationsReadModel(readModels);
  const NOW = '2026-12-03T21:00:00.000Z';

  it('gives the queued messages due by now, the longest waiting first', () => {
    const due = outbox.due(NOW, 50, false).map((m) => m.messageId);
    expect(due).toHaveLength(50);
    expect(due[0]).toBe('held-00');
    expect(due).not.toContain('later');
    expect(due).not.toContain('sent');
  });

  it('in quiet hours gives only email and urgent SMS, however many SMS are held', () => {
    expect(outbox.due(NOW, 50, true).map((m) => m.messageId)).toEqual(['email', 'urgent']);
  });
});
