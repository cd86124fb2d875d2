import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { trackingNumberFor } from '../tracking-number.js';
import { trackingStream } from '../tracking.events.js';
import { TrackingNumbers } from './tracking-numbers.service.js';

const context: CommandContext = {
  actor: { id: 'user-1', role: 'citizen' },
  correlationId: 'c',
  causationId: 'r',
  now: '2026-12-01T08:00:00.000Z',
};

describe('claiming tracking numbers in the event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let numbers: TrackingNumbers;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-tracking-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    numbers = new TrackingNumbers(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims the stream’s first number once, and finds its own claim again', async () => {
    const first = await numbers.claim('inquiry-a', 'hamedan', context);
    expect(first).toBe(trackingNumberFor('inquiry-a', 0));
    expect(await numbers.claim('inquiry-a', 'hamedan', context)).toBe(first);
    expect(await store.readStream(trackingStream(first))).toEqual([
      expect.objectContaining({
        type: 'TrackingNumberClaimed',
        data: { trackingNumber: first, stream: 'inquiry-a', municipality: 'hamedan' },
      }),
    ]);
  });

  it('moves on to the next attempt when another file holds a number, and finds it there again', async () => {
    const taken = trackingNumberFor('permit-b', 0);
    await store.append(
      trackingStream(taken),
      [
        {
          id: '0192f3a4-0000-7000-8000-000000000001',
          type: 'TrackingNumberClaimed',
          data: { trackingNumber: taken, stream: 'permit-other', municipality: 'qazvin' },
          metadata: {
            actor: context.actor,
            correlationId: 'c',
            causationId: 'r',
            recordedAt: context.now,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const second = trackingNumberFor('permit-b', 1);
    expect(await numbers.claim('permit-b', 'hamedan', context)).toBe(second);
    expect(await numbers.claim('permit-b', 'hamedan', context)).toBe(second);
    expect(await store.readStream(trackingStream(second))).toHaveLength(1);
  });
});
