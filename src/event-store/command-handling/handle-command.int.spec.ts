import { counterDecider } from '../../../test/support/counter.test-module.js';
import { event } from '../../../test/event-store/event-store.contract.js';
import { DomainError } from '../../shared/domain-error.js';
import type { EventStore } from '../event-store.port.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import type { CommandContext } from './command-context.js';
import { collectingRevision } from './command-revision.js';
import { handleCommand } from './handle-command.js';

const context: CommandContext = {
  actor: { id: 'user-42', role: 'clerk', municipality: 'hamedan' },
  correlationId: 'corr-1',
  causationId: 'req-1',
  now: '2026-11-25T10:00:00.000Z',
};

describe('handleCommand over a real SQLite store', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
  });
  afterEach(() => store.close());

  it('appends what the decider decides, with the actor and the why in the metadata', async () => {
    const result = await handleCommand(store, 'counter-1', counterDecider, { by: 3 }, context);
    expect(result.state).toEqual({ total: 3 });
    expect(result.revision).toBe(0n);
    const [recorded] = await store.readStream('counter-1');
    expect(recorded).toMatchObject({
      type: 'CounterIncremented',
      data: { by: 3 },
      metadata: {
        actor: context.actor,
        correlationId: 'corr-1',
        causationId: 'req-1',
        recordedAt: '2026-11-25T10:00:00.000Z',
        schemaVersion: 1,
      },
    });
  });

  it('throws the decider refusal and writes nothing', async () => {
    await handleCommand(store, 'counter-2', counterDecider, { by: 9 }, context);
    await expect(handleCommand(store, 'counter-2', counterDecider, { by: 2 }, context)).rejects.toMatchObject(
      {
        code: 'COUNTER.LIMIT_REACHED',
      },
    );
    expect(await store.readStream('counter-2')).toHaveLength(1);
  });

  it('decides again on fresh state when another writer got in between', async () => {
    const racing = interleave(store, async () => {
      await store.append('counter-3', [event('CounterIncremented', { by: 8 })], { expectedRevision: 'any' });
    });
    await expect(
      handleCommand(racing, 'counter-3', counterDecider, { by: 3 }, context),
    ).rejects.toMatchObject({
      code: 'COUNTER.LIMIT_REACHED',
    });
    const ok = await handleCommand(racing, 'counter-3', counterDecider, { by: 2 }, context);
    expect(ok.state).toEqual({ total: 10 });
  });

  it('answers 412 when the If-Match revision no longer holds, before or after reading', async () => {
    await handleCommand(store, 'counter-4', counterDecider, { by: 1 }, context);
    const stale = await handleCommand(store, 'counter-4', counterDecider, { by: 1 }, context, {
      expectedRevision: 5n,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect(stale).toMatchObject({ code: 'STREAM.PRECONDITION_FAILED', kind: 'precondition_failed' });

    const racing = interleave(store, async () => {
      await store.append('counter-4', [event('CounterIncremented', { by: 1 })], { expectedRevision: 'any' });
    });
    const lost = await handleCommand(racing, 'counter-4', counterDecider, { by: 1 }, context, {
      expectedRevision: 0n,
    }).catch((e: unknown) => e);
    expect(lost).toMatchObject({ code: 'STREAM.PRECONDITION_FAILED', details: { currentRevision: '1' } });
    expect(await store.readStream('counter-4')).toHaveLength(2);
  });

  it('returns the first result for a repeated Idempotency-Key, even after later writes', async () => {
    const first = await handleCommand(store, 'counter-5', counterDecider, { by: 2 }, context, {
      idempotencyKey: 'key-00000001',
    });
    await handleCommand(store, 'counter-5', counterDecider, { by: 1 }, context);
    const repeated = await handleCommand(store, 'counter-5', counterDecider, { by: 2 }, context, {
      idempotencyKey: 'key-00000001',
    });
    expect(repeated.events).toEqual(first.events);
    expect(repeated.revision).toBe(0n);
    expect(repeated.state).toEqual({ total: 2 });
    expect(await store.readStream('counter-5')).toHaveLength(2);
    const otherActor = await handleCommand(
      store,
      'counter-5',
      counterDecider,
      { by: 2 },
      { ...context, actor: { id: 'user-7', role: 'clerk' } },
      { idempotencyKey: 'key-00000001' },
    );
    expect(otherActor.revision).toBe(2n);
  });

  it('refuses an Idempotency-Key reused with another request, and keeps the first request', async () => {
    const keyed = (requestDigest: string) => ({ idempotencyKey: 'key-00000002', requestDigest });
    await handleCommand(store, 'counter-6', counterDecider, { by: 2 }, context, keyed('digest-a'));
    const [recorded] = await store.readStream('counter-6');
    expect(recorded!.metadata.requestDigest).toBe('digest-a');
    const other = handleCommand(store, 'counter-6', counterDecider, { by: 3 }, context, keyed('digest-b'));
    await expect(other).rejects.toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
      kind: 'unprocessable',
    });
    const same = await handleCommand(
      store,
      'counter-6',
      counterDecider,
      { by: 2 },
      context,
      keyed('digest-a'),
    );
    expect(same.revision).toBe(0n);
    expect(await store.readStream('counter-6')).toHaveLength(1);
  });

  it('takes If-Match * as any revision of a stream that exists', async () => {
    const exists = { expectedRevision: 'exists' } as const;
    const absent = handleCommand(store, 'counter-7', counterDecider, { by: 1 }, context, exists);
    await expect(absent).rejects.toMatchObject({ code: 'STREAM.PRECONDITION_FAILED' });
    await handleCommand(store, 'counter-7', counterDecider, { by: 1 }, context);
    const racing = interleave(store, async () => {
      await store.append('counter-7', [event('CounterIncremented', { by: 1 })], { expectedRevision: 'any' });
    });
    const any = await handleCommand(racing, 'counter-7', counterDecider, { by: 1 }, context, exists);
    expect(any.revision).toBe(2n);
  });

  it('reports the revision reached on the first stream a request acts on, for its ETag', async () => {
    const { slot, result } = collectingRevision(async () => {
      await handleCommand(store, 'counter-8', counterDecider, { by: 1 }, context);
      await handleCommand(store, 'counter-9', counterDecider, { by: 1 }, context);
      await handleCommand(store, 'counter-8', counterDecider, { by: 1 }, context);
    });
    await result;
    expect(slot).toEqual({ stream: 'counter-8', revision: 1n });
  });
});

/** A store whose next append is preceded, once, by another writer's append. */
function interleave(store: EventStore, competitor: () => Promise<void>): EventStore {
  let pending = true;
  return Object.assign(Object.create(store) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      if (pending) {
        pending = false;
        await competitor();
      }
      return store.append(...args);
    },
  });
}
