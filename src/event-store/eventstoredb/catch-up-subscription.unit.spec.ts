import type { Position } from '@eventstore/db-client';
import { SubscriptionRefused } from '../event-store.errors.js';
import type { ReadAllOptions, SubscriptionHandler } from '../event-store.port.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import {
  EsdbStandIn,
  caughtUpMessage,
  checkpointMessage,
  eventMessage,
  serviceError,
} from './esdb-stand-in.fixtures.js';
import { encodePosition } from './esdb-records.js';

// gRPC status codes as the server sends them.
const INVALID_ARGUMENT = 3;
const PERMISSION_DENIED = 7;
const UNAVAILABLE = 14;
const UNAUTHENTICATED = 16;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await turn();
  if (!condition()) throw new Error(`Never happened: ${what}`);
}

/** A handler that records what it is told; `gate` holds an event's handling until released. */
function recorder() {
  const seen: string[] = [];
  const progress: (string | undefined)[] = [];
  const failures: SubscriptionRefused[] = [];
  let gate: Promise<void> | undefined;
  const handler: SubscriptionHandler = {
    onEvent: async (event) => {
      seen.push(event.type);
      await gate;
    },
    onCaughtUp: (position) => progress.push(position),
    onFailure: (error) => failures.push(error),
  };
  return {
    handler,
    seen,
    progress,
    failures,
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const at = (position: Position): string => encodePosition(position);

describe('KurrentDB catch-up subscription, against the client’s own message shapes', () => {
  let server: EsdbStandIn;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    server = new EsdbStandIn();
    store = new EventStoreDbEventStore(server.client(), { resubscribeBackoffMs: { initial: 1, max: 5 } });
  });
  afterEach(() => store.close());

  /** Subscribes from the start of an empty log and waits until the server has said it is caught up. */
  async function live(r: ReturnType<typeof recorder>, filter?: ReadAllOptions): Promise<void> {
    const subscription = store.subscribeAll(undefined, r.handler, filter);
    await until(() => server.subscriptions.length === 1, 'subscribed');
    server.server.send(caughtUpMessage());
    await subscription.caughtUp;
  }

  it('filters on the client and reports progress past the events it skips, once live', async () => {
    const wanted = server.record('permit-1', 'PermitDrafted');
    const r = recorder();
    const subscription = store.subscribeAll(undefined, r.handler, { types: ['PermitDrafted'] });
    await until(() => server.subscriptions.length === 1, 'subscribed');
    // The server filters out only its own events: the reader must see the others to get past them.
    expect(server.server.options.filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    server.server.send(eventMessage(wanted), caughtUpMessage());
    await subscription.caughtUp;
    expect(r.progress.at(-1)).toBe(at(wanted.position));

    const skipped = server.record('inquiry-1', 'InquiryFiled');
    server.server.send(eventMessage(skipped));
    await until(() => r.progress.at(-1) === at(skipped.position), 'progress past the skipped event');
    expect(r.seen).toEqual(['PermitDrafted']);
  });

  it('moves to a checkpoint the server sends while idle, a valid place to resume from', async () => {
    const r = recorder();
    await live(r, { types: ['PermitDrafted'] });
    const checkpoint = { commit: 900n, prepare: 900n };
    server.server.send(checkpointMessage(checkpoint));
    await until(() => r.progress.at(-1) === at(checkpoint), 'progress to the checkpoint');

    server.server.fail(serviceError(UNAVAILABLE, 'connection lost'));
    await until(() => server.subscriptions.length === 2, 'resubscribed');
    expect(server.server.options.fromPosition).toEqual(checkpoint);
  });

  it('takes a checkpoint only once the events sent before it are handled', async () => {
    const first = server.record('permit-1', 'PermitDrafted');
    const second = server.record('permit-2', 'PermitDrafted');
    const r = recorder();
    await live(r);
    const release = r.hold();
    const checkpoint = { commit: 950n, prepare: 950n };
    server.server.send(eventMessage(first), eventMessage(second), checkpointMessage(checkpoint));
    await until(() => r.seen.length === 1, 'first event under way');
    for (let i = 0; i < 5; i += 1) await turn();
    // Nothing reported past an event still being handled, nor past one still waiting behind it.
    expect(r.progress.at(-1)).toBeUndefined();
    release();
    await until(() => r.progress.at(-1) === at(checkpoint), 'progress to the checkpoint');
    expect(r.seen).toEqual(['PermitDrafted', 'PermitDrafted']);
  });

  it('is caught up only once the events the server sent before saying so are handled', async () => {
    const events = [1, 2, 3].map((n) => server.record(`permit-${n}`, 'PermitDrafted'));
    const r = recorder();
    const release = r.hold();
    let caughtUp = false;
    const subscription = store.subscribeAll(undefined, r.handler);
    void subscription.caughtUp.then(() => (caughtUp = true));
    await until(() => server.subscriptions.length === 1, 'subscribed');
    server.server.send(...events.map(eventMessage), caughtUpMessage());
    await until(() => r.seen.length === 1, 'first event under way');
    for (let i = 0; i < 5; i += 1) await turn();
    expect(caughtUp).toBe(false);
    release();
    await subscription.caughtUp;
    expect(r.seen).toHaveLength(3);
    expect(r.progress.at(-1)).toBe(at(events[2]!.position));
  });

  it('resubscribes after a dropped connection from the last event, without a duplicate', async () => {
    const events = [1, 2].map((n) => server.record(`permit-${n}`, 'PermitDrafted'));
    const r = recorder();
    store.subscribeAll(undefined, r.handler);
    await until(() => server.subscriptions.length === 1, 'subscribed');
    server.server.send(eventMessage(events[0]!));
    await until(() => r.seen.length === 1, 'first event');
    server.server.fail(serviceError(UNAVAILABLE, 'connection lost'));
    await until(() => server.subscriptions.length === 2, 'resubscribed');
    expect(server.server.options.fromPosition).toEqual(events[0]!.position);
    // A server may send the start position's event again: it is not delivered twice.
    server.server.send(...events.map(eventMessage));
    await until(() => r.seen.length === 2, 'second event');
    for (let i = 0; i < 5; i += 1) await turn();
    expect(r.seen).toHaveLength(2);
  });

  it.each([
    ['access_denied', serviceError(PERMISSION_DENIED, 'Access denied', { exception: 'access-denied' })],
    ['access_denied', serviceError(PERMISSION_DENIED, 'Permission denied')],
    ['access_denied', serviceError(UNAUTHENTICATED, 'Bad credentials')],
    ['invalid_request', serviceError(INVALID_ARGUMENT, 'Invalid position')],
  ] as const)(
    'stops for good, reporting %s, when the server refuses the subscription',
    async (reason, error) => {
      const r = recorder();
      const subscription = store.subscribeAll(undefined, r.handler);
      await until(() => server.subscriptions.length === 1, 'subscribed');
      server.server.fail(error);
      await subscription.stopped;
      expect(r.failures).toHaveLength(1);
      expect(r.failures[0]).toBeInstanceOf(SubscriptionRefused);
      expect(r.failures[0]!.reason).toBe(reason);
      for (let i = 0; i < 10; i += 1) await turn();
      expect(server.subscriptions).toHaveLength(1);
    },
  );

  it('refuses a start past the end of the log without subscribing, and never says caught up', async () => {
    const last = server.record('permit-1', 'PermitDrafted');
    const r = recorder();
    let caughtUp = false;
    const beyond = { commit: last.position.commit + 1n, prepare: last.position.prepare + 1n };
    const subscription = store.subscribeAll(at(beyond), r.handler);
    void subscription.caughtUp.then(() => (caughtUp = true));
    await subscription.stopped;
    expect(r.failures.map((f) => f.reason)).toEqual(['beyond_head']);
    expect(server.subscriptions).toHaveLength(0);
    expect(caughtUp).toBe(false);
  });

  it('starts at the end of the log, past the server’s own last records, without a refusal', async () => {
    const last = server.record('permit-1', 'PermitDrafted');
    server.record('$stats-node', '$statsCollected');
    const r = recorder();
    const subscription = store.subscribeAll(at(last.position), r.handler);
    await until(() => server.subscriptions.length === 1, 'subscribed');
    server.server.send(caughtUpMessage());
    await subscription.caughtUp;
    expect(r.failures).toEqual([]);
    expect(r.progress).toEqual([at(last.position)]);
  });
  it('takes a checkpoint sent while the buffer is empty only after the event under way is handled', async () => {
    const first = server.record('permit-1', 'PermitDrafted');
    const r = recorder();
    await live(r);
    const release = r.hold();
    server.server.send(eventMessage(first));
    await until(() => r.seen.length === 1, 'event under way');
    const checkpoint = { commit: 990n, prepare: 990n };
    server.server.send(checkpointMessage(checkpoint));
    for (let i = 0; i < 5; i += 1) await turn();
    expect(r.progress.at(-1)).toBeUndefined();
    release();
    await until(() => r.progress.at(-1) === at(checkpoint), 'progress to the checkpoint');
  });

  it('keeps the order when more is buffered than the client holds at once', async () => {
    const events = Array.from({ length: 40 }, (_, n) => server.record(`permit-${n}`, 'PermitDrafted'));
    const r = recorder();
    await live(r);
    const release = r.hold();
    const checkpoint = { commit: 99_000n, prepare: 99_000n };
    server.server.send(...events.map(eventMessage), checkpointMessage(checkpoint));
    await until(() => r.seen.length === 1, 'first event under way');
    for (let i = 0; i < 5; i += 1) await turn();
    expect(r.progress.at(-1)).toBeUndefined();
    release();
    await until(() => r.progress.at(-1) === at(checkpoint), 'progress to the checkpoint');
    expect(r.seen).toHaveLength(40);
  });

  it('ignores a checkpoint past what a server can address, which would skip every later event', async () => {
    const r = recorder();
    const subscription = store.subscribeAll(undefined, r.handler);
    await until(() => server.subscriptions.length === 1, 'subscribed');
    const max = 2n ** 64n - 1n;
    server.server.send(checkpointMessage({ commit: max, prepare: max }), caughtUpMessage());
    await subscription.caughtUp;
    const later = server.record('permit-1', 'PermitDrafted');
    server.server.send(eventMessage(later));
    await until(() => r.seen.length === 1, 'the later event delivered');
    expect(r.progress.at(-1)).toBe(at(later.position));
  });
});
