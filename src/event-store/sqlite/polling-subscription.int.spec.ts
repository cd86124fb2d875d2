import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-envelope.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const event = (n: number): NewEvent => {
  const id = randomUUID();
  return {
    id,
    type: 'ThingHappened',
    data: { n },
    metadata: {
      actor: { id: 'system:test', role: 'system' },
      correlationId: id,
      causationId: id,
      recordedAt: new Date(0).toISOString(),
      schemaVersion: 1,
    },
  };
};

describe('a subscription catching up on a long log', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-catch-up-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    for (let page = 0; page < 10; page += 1)
      await store.append(
        `thing-${page}`,
        Array.from({ length: 500 }, (_, i) => event(page * 500 + i)),
        { expectedRevision: 'no_stream' },
      );
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the event loop run timers and I/O between pages, not only when caught up', async () => {
    let handled = 0;
    let handledWhenTimerRan: number | undefined;
    const subscription = store.subscribeAll(undefined, {
      onEvent: () => void (handled += 1),
      onEvents: (events) => void (handled += events.length),
    });
    setTimeout(() => (handledWhenTimerRan = handled), 0);
    await subscription.caughtUp;
    await subscription.stop();
    expect(handled).toBe(5000);
    expect(handledWhenTimerRan).toBeDefined();
    expect(handledWhenTimerRan!).toBeLessThan(5000);
  });
});
