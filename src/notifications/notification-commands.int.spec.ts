import type { NewEvent } from '../event-store/event-envelope.js';
import type { AppendOptions, EventStore } from '../event-store/event-store.port.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { NotificationCommands } from './notification-commands.js';
import { item, message, messageId, sendAfter } from './notification.fixtures.js';
import { notificationStream } from './notification.events.js';

const context = {
  actor: { id: 'system:notifications', role: 'system' as const },
  correlationId: 'correlation-1',
  causationId: 'cause-1',
  now: '2026-11-25T10:02:00.000Z',
};

/** The store, its appends held until `release`. */
function heldStore(store: SqliteEventStore): { store: EventStore; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const append = async (stream: string, events: readonly NewEvent[], options: AppendOptions) => {
    await held;
    return store.append(stream, events, options);
  };
  return { store: Object.assign(Object.create(store) as EventStore, { append }), release };
}

const queue = (cause: string, now: string) =>
  ({ type: 'QueueNotification', data: { ...message, item: item(cause), now } }) as const;

describe('NotificationCommands over a real SQLite store', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore(':memory:')));
  afterEach(() => store.close());

  it('queues every piece of news that arrives at once for one person’s window, none lost to a race', async () => {
    const commands = new NotificationCommands(store);
    // As a reaction handling many answers at once tells one notary office of each.
    const causes = Array.from({ length: 60 }, (_, i) => `event-${i}`);
    const states = await Promise.all(
      causes.map((cause) => commands.run(messageId, queue(cause, context.now), context)),
    );
    expect(states.every((s) => s.status === 'queued')).toBe(true);
    const events = await store.readStream(notificationStream(messageId));
    expect(events.map((e) => (e.data as { item: { cause: string } }).item.cause).sort()).toEqual(
      [...causes].sort(),
    );
  });

  it('moves a command’s time on by its wait for its turn: news that waited past the window goes alone', async () => {
    const held = heldStore(store);
    const commands = new NotificationCommands(held.store);
    const first = commands.run(messageId, queue('event-1', context.now), context);
    // Asked 20 ms before the window ends, it waits 50 ms behind the first: the window has closed.
    const justBefore = new Date(Date.parse(sendAfter) - 20).toISOString();
    const late = commands.run(messageId, queue('event-2', justBefore), context);
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.release();
    await first;
    await expect(late).rejects.toMatchObject({ code: 'NOTIFICATION.WINDOW_CLOSED' });
  });
});
