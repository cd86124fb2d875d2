import { randomUUID } from 'node:crypto';
import type { DomainEvent, NewEvent, RecordedEvent } from '../../src/event-store/event-envelope.js';
import {
  DuplicateEventId,
  InvalidAppend,
  SubscriptionRefused,
  WrongExpectedRevision,
} from '../../src/event-store/event-store.errors.js';
import type { EventStore, ReadAllOptions } from '../../src/event-store/event-store.port.js';
import { MAX_EVENT_BYTES } from '../../src/event-store/validate-append.js';
import { newId } from '../../src/shared/ids.js';
import { until } from '../support/until.js';

/** What a store guarantees beyond the common contract. */
export interface ContractCapabilities {
  /** EventStoreDB recognises a repeated event id only within one stream. */
  readonly globallyUniqueEventIds: boolean;
}

export interface ContractStore {
  readonly store: EventStore;
  /** Closes the store and opens it again on the same storage. */
  readonly reopen?: () => Promise<EventStore>;
  readonly cleanup: () => Promise<void>;
}

const actor = { id: 'user-contract', role: 'clerk', municipality: 'hamedan' };

export function event(
  type = 'SomethingHappened',
  data: unknown = { n: 1 },
  id = newId(),
): NewEvent<DomainEvent> {
  return {
    id,
    type,
    data,
    metadata: {
      actor,
      correlationId: id,
      causationId: id,
      recordedAt: '2026-11-25T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

function uniqueStream(category = 'contract'): string {
  return `${category}-${randomUUID()}`;
}

/** How soon a subscriber hears of progress or of a refusal: a waiting command gives up after seconds. */
const PROMPTLY_MS = 1000;

/**
 * A position far past `position`, in the store's own format: SQLite's are decimal integers (event
 * numbers), EventStoreDB's `commit:prepare` (byte offsets in its log, moved by a terabyte). No test
 * appends that much, so it stays beyond the head on a long-lived server too.
 */
function beyondHead(store: EventStore, position: string): string {
  const esdb = /^(\d+):(\d+)$/.exec(position);
  const beyond = esdb
    ? `${BigInt(esdb[1]!) + 2n ** 40n}:${BigInt(esdb[2]!) + 2n ** 40n}`
    : String(BigInt(position) + 1_000_000n);
  expect(store.comparePositions(beyond, position)).toBeGreaterThan(0);
  return beyond;
}

async function collect(
  store: EventStore,
  from: string | undefined,
  until: (seen: RecordedEvent[]) => boolean,
) {
  const seen: RecordedEvent[] = [];
  let caughtUpAt = -1;
  const done = new Promise<void>((resolve, reject) => {
    const subscription = store.subscribeAll(
      from,
      {
        onEvent: (e) => {
          seen.push(e);
          if (until(seen)) void subscription.stop().then(resolve);
        },
        onCaughtUp: () => {
          if (caughtUpAt === -1) caughtUpAt = seen.length;
        },
        onError: reject,
      },
      { categories: ['contract'] },
    );
  });
  return { seen, done, caughtUpAt: () => caughtUpAt };
}

/** One suite of semantics that every EventStore adapter must pass. */
export function describeEventStoreContract(
  name: string,
  open: () => Promise<ContractStore>,
  capabilities: ContractCapabilities = { globallyUniqueEventIds: true },
): void {
  describe(`EventStore contract: ${name}`, () => {
    let ctx: ContractStore;
    let store: EventStore;
    beforeEach(async () => {
      ctx = await open();
      store = ctx.store;
    });
    afterEach(async () => {
      await ctx.cleanup();
    });

    describe('expected revision', () => {
      it('no_stream creates a stream and then refuses it exists', async () => {
        const stream = uniqueStream();
        const first = await store.append(stream, [event(), event()], { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(1n);
        const error = await store
          .append(stream, [event()], { expectedRevision: 'no_stream' })
          .catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actualRevision).toBe(1n);
      });

      it('stream_exists refuses a missing stream and accepts an existing one', async () => {
        const stream = uniqueStream();
        const error = await store
          .append(stream, [event()], { expectedRevision: 'stream_exists' })
          .catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actualRevision).toBe('no_stream');
        await store.append(stream, [event()], { expectedRevision: 'no_stream' });
        const ok = await store.append(stream, [event()], { expectedRevision: 'stream_exists' });
        expect(ok.nextExpectedRevision).toBe(1n);
      });

      it('any appends whatever the stream holds', async () => {
        const stream = uniqueStream();
        expect(
          (await store.append(stream, [event()], { expectedRevision: 'any' })).nextExpectedRevision,
        ).toBe(0n);
        expect(
          (await store.append(stream, [event()], { expectedRevision: 'any' })).nextExpectedRevision,
        ).toBe(1n);
      });

      it('an exact revision must be the last one', async () => {
        const stream = uniqueStream();
        await store.append(stream, [event(), event(), event()], { expectedRevision: 'no_stream' });
        const stale = await store.append(stream, [event()], { expectedRevision: 1n }).catch((e) => e);
        expect(stale).toBeInstanceOf(WrongExpectedRevision);
        expect(stale.actualRevision).toBe(2n);
        expect(stale.expectedRevision).toBe(1n);
        const ahead = await store.append(stream, [event()], { expectedRevision: 7n }).catch((e) => e);
        expect(ahead).toBeInstanceOf(WrongExpectedRevision);
        const ok = await store.append(stream, [event()], { expectedRevision: 2n });
        expect(ok.nextExpectedRevision).toBe(3n);
      });

      it('an exact revision on a missing stream is refused with no_stream', async () => {
        const error = await store.append(uniqueStream(), [event()], { expectedRevision: 0n }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error.actualRevision).toBe('no_stream');
      });

      it('a refused append writes none of its events', async () => {
        const stream = uniqueStream();
        await store.append(stream, [event()], { expectedRevision: 'no_stream' });
        await store.append(stream, [event(), event()], { expectedRevision: 5n }).catch(() => undefined);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('idempotent retries', () => {
      it('appending the same events again at the same place returns the first result and writes nothing', async () => {
        const stream = uniqueStream();
        const batch = [event('A'), event('B')];
        const first = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        const again = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const anyAgain = await store.append(stream, batch, { expectedRevision: 'any' });
        expect(anyAgain).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('a retry with an exact revision returns the first result', async () => {
        const stream = uniqueStream();
        await store.append(stream, [event()], { expectedRevision: 'no_stream' });
        const retried = event();
        const first = await store.append(stream, [retried], { expectedRevision: 0n });
        await store.append(stream, [event()], { expectedRevision: 1n });
        expect(await store.append(stream, [retried], { expectedRevision: 0n })).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      (capabilities.globallyUniqueEventIds ? it : it.skip)(
        'refuses an event id reused in another stream, or later in an append',
        async () => {
          const reused = event();
          await store.append(uniqueStream(), [reused], { expectedRevision: 'no_stream' });
          const error = await store
            .append(uniqueStream(), [reused], { expectedRevision: 'any' })
            .catch((e) => e);
          expect(error).toBeInstanceOf(DuplicateEventId);
          const stream = uniqueStream();
          const second = await store
            .append(stream, [event(), reused], { expectedRevision: 'no_stream' })
            .catch((e) => e);
          expect(second).toBeInstanceOf(DuplicateEventId);
          expect(second.eventId).toBe(reused.id);
          expect(await store.readStream(stream)).toEqual([]);
        },
      );
    });

    describe('validation', () => {
      it('refuses an append without actor, an empty append and a bad stream name', async () => {
        const noActor = {
          ...event(),
          metadata: { ...event().metadata, actor: undefined },
        } as unknown as NewEvent;
        await expect(
          store.append(uniqueStream(), [noActor], { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(InvalidAppend);
        await expect(store.append(uniqueStream(), [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          InvalidAppend,
        );
        await expect(
          store.append('Not A Stream', [event()], { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(InvalidAppend);
      });
    });

    describe('concurrency', () => {
      it('50 concurrent appenders to one stream: each revision won exactly once, nothing lost or doubled', async () => {
        const stream = uniqueStream();
        await store.append(stream, [event('Opened')], { expectedRevision: 'no_stream' });
        const writers = Array.from({ length: 50 }, (_, writer) => writer);
        const wins: bigint[] = [];
        await Promise.all(
          writers.map(async (writer) => {
            // Each writer reads, appends at what it read, and retries on conflict until it wins once.
            for (;;) {
              const last = (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0]!;
              try {
                const result = await store.append(stream, [event('Wrote', { writer })], {
                  expectedRevision: last.revision,
                });
                wins.push(result.nextExpectedRevision);
                return;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevision)) throw error;
              }
            }
          }),
        );
        const events = await store.readStream(stream);
        expect(events).toHaveLength(51);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 51 }, (_, i) => BigInt(i)));
        expect([...wins].sort((a, b) => Number(a - b))).toEqual(
          Array.from({ length: 50 }, (_, i) => BigInt(i + 1)),
        );
        const writersSeen = events.slice(1).map((e) => (e.data as { writer: number }).writer);
        expect(new Set(writersSeen).size).toBe(50);
      }, 60_000);

      it('concurrent appends to many streams all land, in one global order', async () => {
        const start = await store.headPosition();
        const streams = Array.from({ length: 20 }, () => uniqueStream());
        const results = await Promise.all(
          streams.map((s) => store.append(s, [event(), event()], { expectedRevision: 'no_stream' })),
        );
        expect(new Set(results.map((r) => r.position)).size).toBe(20);
        const ordered = [...results.map((r) => r.position)].sort((a, b) => store.comparePositions(a, b));
        const log = (await store.readAll(start, { maxCount: 100_000, categories: ['contract'] })).events;
        const inLog = log.map((e) => e.position).filter((p) => ordered.includes(p));
        expect(ordered).toEqual(inLog);
        expect(store.comparePositions(ordered[0]!, ordered[0]!)).toBe(0);
        for (const s of streams) expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards, backwards, from a revision, with a limit', async () => {
        const stream = uniqueStream();
        await store.append(
          stream,
          [0, 1, 2, 3, 4].map((n) => event('N', { n })),
          { expectedRevision: 'no_stream' },
        );
        const ns = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
        expect(ns(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4]);
        expect(ns(await store.readStream(stream, { fromRevision: 2n }))).toEqual([2, 3, 4]);
        expect(ns(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
        expect(ns(await store.readStream(stream, { direction: 'backwards', fromRevision: 1n }))).toEqual([
          1, 0,
        ]);
        expect(ns(await store.readStream(stream, { fromRevision: 1n, maxCount: 2 }))).toEqual([1, 2]);
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });

      it('keeps the envelope exactly', async () => {
        const stream = uniqueStream();
        const sent = event('EnvelopeKept', { nested: { list: [1, 'two', null, true] } });
        const result = await store.append(stream, [sent], { expectedRevision: 'no_stream' });
        const [got] = await store.readStream(stream);
        expect(got).toEqual({ ...sent, stream, revision: 0n, position: result.position });
      });

      it('reads the global log in order from a position, filtered by category and type', async () => {
        const start = await store.headPosition();
        const a = uniqueStream('contract');
        const b = uniqueStream('othercat');
        await store.append(a, [event('First')], { expectedRevision: 'no_stream' });
        await store.append(b, [event('Second')], { expectedRevision: 'no_stream' });
        await store.append(a, [event('Third')], { expectedRevision: 0n });
        const all = await store.readAll(start, { maxCount: 100 });
        const mine = all.events.filter((e) => e.stream === a || e.stream === b).map((e) => e.type);
        expect(mine).toEqual(['First', 'Second', 'Third']);
        const byCategory = await store.readAll(start, { categories: ['othercat'] });
        expect(byCategory.events.filter((e) => e.stream === b).map((e) => e.type)).toEqual(['Second']);
        const byType = await store.readAll(start, { types: ['Third'] });
        expect(byType.events.filter((e) => e.stream === a).map((e) => e.type)).toEqual(['Third']);
        const afterFirst = all.events.find((e) => e.type === 'First')!.position;
        const rest = await store.readAll(afterFirst, { maxCount: 100 });
        expect(rest.events.find((e) => e.type === 'First' && e.stream === a)).toBeUndefined();
        expect(rest.events.filter((e) => e.stream === a).map((e) => e.type)).toEqual(['Third']);
      });

      it('pages through the log without gap or overlap', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(
          stream,
          Array.from({ length: 25 }, (_, n) => event('N', { n })),
          {
            expectedRevision: 'no_stream',
          },
        );
        const seen: number[] = [];
        let from = start;
        for (;;) {
          const page = await store.readAll(from, { maxCount: 7, categories: ['contract'] });
          seen.push(
            ...page.events.filter((e) => e.stream === stream).map((e) => (e.data as { n: number }).n),
          );
          if (page.events.length === 0) break;
          from = page.nextPosition;
        }
        expect(seen).toEqual(Array.from({ length: 25 }, (_, n) => n));
      });
    });

    describe('payloads', () => {
      it('stores a 1 MB event', async () => {
        const stream = uniqueStream();
        const blob = 'x'.repeat(1024 * 1024);
        await store.append(stream, [event('Big', { blob })], { expectedRevision: 'no_stream' });
        const [got] = await store.readStream(stream);
        expect((got!.data as { blob: string }).blob).toBe(blob);
      });

      it('refuses an event over MAX_EVENT_BYTES as too large, and appends nothing of its batch', async () => {
        // Persian letters are two UTF-8 bytes: the limit counts bytes, not characters.
        const oversized = [
          { blob: 'x'.repeat(MAX_EVENT_BYTES + 1) },
          { text: 'ش'.repeat(MAX_EVENT_BYTES / 2 + 1) },
        ];
        for (const data of oversized) {
          const stream = uniqueStream();
          const error = await store
            .append(stream, [event('Fine'), event('Huge', data)], { expectedRevision: 'no_stream' })
            .catch((e) => e);
          expect(error).toBeInstanceOf(InvalidAppend);
          expect(error.tooLarge).toBe(true);
          expect(await store.readStream(stream)).toEqual([]);
        }
        const malformed = await store
          .append('Not A Stream', [event()], { expectedRevision: 'any' })
          .catch((e) => e);
        expect(malformed.tooLarge).toBe(false);
      });

      it('round-trips Persian text byte for byte', async () => {
        const stream = uniqueStream();
        const text = 'پروانه ساختمانی — کد نوسازی ۱-۱-۱-۱-۰-۰-۰، شهرداری همدان\u200cها 🏛️';
        await store.append(stream, [event('Persian', { text })], { expectedRevision: 'no_stream' });
        const [got] = await store.readStream(stream);
        expect(Buffer.from((got!.data as { text: string }).text, 'utf8')).toEqual(Buffer.from(text, 'utf8'));
      });
    });

    describe('subscriptions', () => {
      it('catches up, signals it, then goes live without gap or duplicate', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(
          stream,
          [1, 2, 3].map((n) => event('N', { n })),
          { expectedRevision: 'no_stream' },
        );
        const sub = await collect(
          store,
          start,
          (seen) => seen.filter((e) => e.stream === stream).length === 8,
        );
        let revision = 2n;
        for (const n of [4, 5, 6, 7, 8]) {
          const r = await store.append(stream, [event('N', { n })], { expectedRevision: revision });
          revision = r.nextExpectedRevision;
        }
        await sub.done;
        const ns = sub.seen.filter((e) => e.stream === stream).map((e) => (e.data as { n: number }).n);
        expect(ns).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(sub.caughtUpAt()).toBeGreaterThanOrEqual(3);
      }, 30_000);

      it('delivers appends made while the handler is busy', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(stream, [event('N', { n: 0 })], { expectedRevision: 'no_stream' });
        const seen: number[] = [];
        let revision = 0n;
        await new Promise<void>((resolve, reject) => {
          const subscription = store.subscribeAll(
            start,
            {
              onEvent: async (e) => {
                if (e.stream !== stream) return;
                const n = (e.data as { n: number }).n;
                seen.push(n);
                if (n < 20) {
                  const r = await store.append(stream, [event('N', { n: n + 1 })], {
                    expectedRevision: revision,
                  });
                  revision = r.nextExpectedRevision;
                } else void subscription.stop().then(resolve);
              },
              onError: reject,
            },
            { categories: ['contract'] },
          );
        });
        expect(seen).toEqual(Array.from({ length: 21 }, (_, n) => n));
      }, 30_000);

      it('resumes from a checkpoint after a restart', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(
          stream,
          [1, 2, 3].map((n) => event('N', { n })),
          { expectedRevision: 'no_stream' },
        );
        const first = await collect(
          store,
          start,
          (seen) => seen.filter((e) => e.stream === stream).length === 2,
        );
        await first.done;
        const checkpoint = first.seen.filter((e) => e.stream === stream)[1]!.position;
        const reopened = ctx.reopen ? await ctx.reopen() : store;
        store = reopened;
        await reopened.append(stream, [event('N', { n: 4 })], { expectedRevision: 2n });
        const second = await collect(
          reopened,
          checkpoint,
          (seen) => seen.filter((e) => e.stream === stream).length === 2,
        );
        await second.done;
        expect(
          second.seen.filter((e) => e.stream === stream).map((e) => (e.data as { n: number }).n),
        ).toEqual([3, 4]);
      }, 30_000);

      it.each<[string, ReadAllOptions, string, string]>([
        ['type', { types: ['FilterMatched'] }, 'contract', 'contract'],
        ['category', { categories: ['contract'] }, 'contract', 'othercat'],
      ])(
        'a subscriber filtered by %s reports progress past events it does not receive, promptly',
        async (_, filter, matchingCategory, otherCategory) => {
          const received: RecordedEvent[] = [];
          const progress: string[] = [];
          const subscription = store.subscribeAll(
            await store.headPosition(),
            {
              onEvent: (e) => void received.push(e),
              onCaughtUp: (position) => void (position !== undefined && progress.push(position)),
            },
            filter,
          );
          try {
            await subscription.caughtUp;
            const matching = uniqueStream(matchingCategory);
            await store.append(matching, [event('FilterMatched')], { expectedRevision: 'no_stream' });
            const other = await store.append(uniqueStream(otherCategory), [event('FilterSkipped')], {
              expectedRevision: 'no_stream',
            });
            // A projection waited on at `other` (a command's own event it does not handle) must get there.
            await until(
              `the subscriber reports a position at or past ${other.position}`,
              () => progress.find((p) => store.comparePositions(p, other.position) >= 0),
              PROMPTLY_MS,
              () => `it reported ${progress.join(', ') || 'nothing'}`,
            );
            expect(received.filter((e) => e.stream === matching).map((e) => e.type)).toEqual([
              'FilterMatched',
            ]);
            expect(received.map((e) => e.type)).not.toContain('FilterSkipped');
          } finally {
            await subscription.stop();
          }
        },
        30_000,
      );

      it('refuses a subscription from beyond the head, promptly, and stops it', async () => {
        const { position } = await store.append(uniqueStream(), [event()], { expectedRevision: 'no_stream' });
        let failure: unknown;
        let caughtUp = false;
        const subscription = store.subscribeAll(
          beyondHead(store, position),
          {
            onEvent: () => undefined,
            onCaughtUp: () => void (caughtUp = true),
            onFailure: (error) => void (failure = error),
          },
          { categories: ['contract'] },
        );
        let stopped = false;
        void subscription.stopped.then(() => (stopped = true));
        void subscription.caughtUp.then(() => (caughtUp = true));
        try {
          const error = await until('the subscription is refused', () => failure, PROMPTLY_MS);
          expect(error).toBeInstanceOf(SubscriptionRefused);
          expect((error as SubscriptionRefused).reason).toBe('beyond_head');
          await until(
            'the refused subscription has stopped',
            () => (stopped ? true : undefined),
            PROMPTLY_MS,
          );
          // A reader that cannot catch up must not be taken for one that has.
          await store.append(uniqueStream(), [event()], { expectedRevision: 'no_stream' });
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(caughtUp).toBe(false);
        } finally {
          await subscription.stop();
        }
      });

      it('takes a subscription from exactly the head', async () => {
        await store.append(uniqueStream(), [event()], { expectedRevision: 'no_stream' });
        const failures: unknown[] = [];
        const subscription = store.subscribeAll(
          await store.headPosition(),
          { onEvent: () => undefined, onFailure: (error) => void failures.push(error) },
          { categories: ['contract'] },
        );
        let caughtUp = false;
        void subscription.caughtUp.then(() => (caughtUp = true));
        try {
          await until('the subscription from the head catches up', () => caughtUp || undefined, PROMPTLY_MS);
          expect(failures).toEqual([]);
        } finally {
          await subscription.stop();
        }
      });

      it('stops on a handler error and reports the event', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(stream, [event('Fine'), event('Poison'), event('After')], {
          expectedRevision: 'no_stream',
        });
        const handled: string[] = [];
        const failure = await new Promise<{ error: unknown; event: RecordedEvent }>((resolve) => {
          store.subscribeAll(
            start,
            {
              onEvent: (e) => {
                if (e.stream !== stream) return;
                if (e.type === 'Poison') throw new Error('cannot handle');
                handled.push(e.type);
              },
              onError: (error, e) => resolve({ error, event: e }),
            },
            { categories: ['contract'] },
          );
        });
        expect(failure.event.type).toBe('Poison');
        expect(handled).toEqual(['Fine']);
      }, 30_000);
    });
  });
}
