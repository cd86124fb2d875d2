import { randomUUID } from 'node:crypto';
import { MaxAppendSizeExceededError, UnknownError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { NewEvent } from '../event-envelope.js';
import {
  InvalidAppend,
  StoreUnavailable,
  StreamDeleted,
  WrongExpectedRevision,
} from '../event-store.errors.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { EsdbStandIn, serviceError } from './esdb-stand-in.fixtures.js';
import { encodePosition } from './esdb-records.js';

const INVALID_ARGUMENT = 3;
const UNAVAILABLE = 14;

function event(type = 'PermitDrafted'): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { n: 1 },
    metadata: {
      actor: { id: 'user-1', role: 'clerk' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: '2026-12-04T00:00:00.000Z',
      schemaVersion: 1,
    },
  } as NewEvent;
}

describe('KurrentDB adapter: appends, reads and ping, against the client’s own error shapes', () => {
  let server: EsdbStandIn;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    server = new EsdbStandIn();
    store = new EventStoreDbEventStore(server.client(), { pingDeadlineMs: 50 });
  });
  afterEach(() => store.close());

  it('takes a single event’s position from the append’s answer, without reading it back', async () => {
    const result = await store.append('permit-1', [event()], { expectedRevision: 'no_stream' });
    expect(result.position).toBe(encodePosition(server.log[0]!.position));
    expect(server.calls.readStream).toBe(0);
  });

  it('reads the last event’s position back when the answer names the write’s first event', async () => {
    const result = await store.append('permit-1', [event(), event()], { expectedRevision: 'no_stream' });
    expect(result.position).toBe(encodePosition(server.log[1]!.position));
    expect(result.nextExpectedRevision).toBe(1n);
    expect(server.calls.readStream).toBe(1);
  });

  it('reads the position back when an idempotent retry’s answer carries none', async () => {
    await store.append('permit-1', [event()], { expectedRevision: 'no_stream' });
    server.appendResult = { success: true, nextExpectedRevision: 0n, position: undefined };
    const retry = await store.append('permit-1', [event()], { expectedRevision: 'no_stream' });
    expect(retry.position).toBe(encodePosition(server.log[0]!.position));
    expect(server.calls.readStream).toBe(1);
  });

  it.each([
    [
      'the server’s per-event limit (unknown to the client)',
      () =>
        serviceError(
          INVALID_ARGUMENT,
          'Event with Id: x, Size: 9000000, exceeds Maximum Append Event Size of 8388608.',
          { exception: 'maximum-append-event-size-exceeded' },
        ),
    ],
    [
      'the server’s per-event limit, in a batch append’s reply',
      // As the client's unpackToCommandError makes it from the reply's status.
      () => new UnknownError(undefined, 'Could not recognize MaximumAppendEventSizeExceeded'),
    ],
    ['the server’s per-append limit', () => new MaxAppendSizeExceededError(undefined as never)],
  ])('answers an event over %s as the port’s too-large append', async (_, error) => {
    server.appendError = error();
    const refused = store.append('permit-1', [event()], { expectedRevision: 'no_stream' });
    await expect(refused).rejects.toBeInstanceOf(InvalidAppend);
    await expect(refused).rejects.toMatchObject({ tooLarge: true });
  });

  it('answers an append to a deleted (tombstoned) stream as StreamDeleted, and reads it as absent', async () => {
    server.appendError = serviceError(9, 'Event stream permit-1 is deleted.', {
      exception: 'stream-deleted',
      'stream-name': 'permit-1',
    });
    const refused = store.append('permit-1', [event()], { expectedRevision: 0n });
    await expect(refused).rejects.toBeInstanceOf(StreamDeleted);
    await expect(refused).rejects.toMatchObject({ code: 'STREAM.DELETED', kind: 'conflict' });
    server.tombstoned.add('permit-1');
    await expect(store.readStream('permit-1')).resolves.toEqual([]);
  });

  it('answers a stale expectation as WrongExpectedRevision and a lost server as unavailable', async () => {
    server.appendError = new WrongExpectedVersionError(
      undefined as never,
      {
        streamName: 'permit-1',
        current: 3n,
        expected: 1n,
      } as never,
    );
    await expect(store.append('permit-1', [event()], { expectedRevision: 1n })).rejects.toBeInstanceOf(
      WrongExpectedRevision,
    );
    server.appendError = serviceError(UNAVAILABLE, 'no connection');
    await expect(store.append('permit-1', [event()], { expectedRevision: 1n })).rejects.toBeInstanceOf(
      StoreUnavailable,
    );
  });

  it('refuses an event over the port’s own limit before calling the server', async () => {
    const big = { ...event(), data: { text: 'x'.repeat(4 * 1024 * 1024 + 1) } };
    await expect(store.append('permit-1', [big], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      tooLarge: true,
    });
    expect(server.log).toHaveLength(0);
  });

  it('gives up a ping that gets no answer by its deadline, as unavailable', async () => {
    server.silent = true;
    const started = Date.now();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
    expect(Date.now() - started).toBeLessThan(5_000);
    server.silent = false;
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
