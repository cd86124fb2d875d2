import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { NotificationCommands } from './notification-commands.js';
import { item, message, messageId } from './notification.fixtures.js';
import { notificationStream } from './notification.events.js';

const context = {
  actor: { id: 'system:notifications', role: 'system' as const },
  correlationId: 'correlation-1',
  causationId: 'cause-1',
  now: '2026-11-25T10:02:00.000Z',
};

describe('NotificationCommands over a real SQLite store', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore(':memory:')));
  afterEach(() => store.close());

  it('queues every piece of news that arrives at once for one person’s window, none lost to a race', async () => {
    const commands = new NotificationCommands(store);
    // As a reaction handling many answers at once tells one notary office of each.
    const causes = Array.from({ length: 60 }, (_, i) => `event-${i}`);
    const states = await Promise.all(
      causes.map((cause) =>
        commands.run(
          messageId,
          { type: 'QueueNotification', data: { ...message, item: item(cause), now: context.now } },
          context,
        ),
      ),
    );
    expect(states.every((s) => s.status === 'queued')).toBe(true);
    const events = await store.readStream(notificationStream(messageId));
    expect(events.map((e) => (e.data as { item: { cause: string } }).item.cause).sort()).toEqual(
      [...causes].sort(),
    );
  });
});
