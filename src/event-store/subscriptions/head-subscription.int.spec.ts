import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { HeadSubscription } from './head-subscription.js';

const event = (type: string) => ({
  id: crypto.randomUUID(),
  type,
  data: {},
  metadata: {
    actor: { id: 'user-1', role: 'clerk' as const },
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-12-03T10:00:00.000Z',
    schemaVersion: 1,
  },
});

describe('HeadSubscription: what is appended from now on, once the store answers', () => {
  it('waits for a store that is down at start, then hears only what comes after its head', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.append('thing-1', [event('Before')], { expectedRevision: 'any' });
    let down = true;
    const flaky = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'headPosition' && down
          ? () => Promise.reject(new Error('unreachable'))
          : (Reflect.get(target, name, receiver) as unknown),
    }) as EventStore;
    const heard: string[] = [];
    const retries: unknown[] = [];
    const subscription = new HeadSubscription(
      flaky,
      { onEvent: (e: RecordedEvent) => void heard.push(e.type) },
      {},
      (error) => retries.push(error),
    );
    try {
      await subscription.start(10);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(retries.length).toBeGreaterThan(0);
      down = false;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await store.append('thing-1', [event('After')], { expectedRevision: 'any' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual(['After']);
    } finally {
      await subscription.stop();
      await store.close();
    }
  });
});
