import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import { convertToCommandError } from '@eventstore/db-client';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription.js';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
import { PassThrough, Readable } from 'node:stream';

/**
 * A stand-in for the KurrentDB client that speaks the client's own wire shapes: every message a
 * subscription sees is a protobuf `ReadResp` (event, checkpoint, caught-up) passed through the client's
 * real Subscription transform and event conversion, so the adapter meets what a server would send, in
 * the same order and with the same buffering. Failures are gRPC service errors as the client converts
 * them. Only the calls the adapter makes are here.
 */

export interface StoredRecord {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly position: Position;
}

/**
 * A gRPC service error as @grpc/grpc-js raises it, with the server's trailers (`exception` names its
 * error), converted as the client converts it.
 */
export function serviceError(code: number, details: string, trailers: Record<string, string> = {}): Error {
  const error = Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: {
      getMap: () => trailers,
      get: (key: string) => (key in trailers ? [trailers[key]] : []),
    },
  });
  return convertToCommandError(error);
}

export function eventMessage(record: StoredRecord): ReadResp {
  const id = new UUID();
  id.setString(record.id);
  const stream = new StreamIdentifier();
  stream.setStreamName(Buffer.from(record.stream));
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(id);
  recorded.setStreamIdentifier(stream);
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.position.commit.toString());
  recorded.setPreparePosition(record.position.prepare.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', 'application/json');
  metadata.set('created', '0');
  recorded.setData(Buffer.from(JSON.stringify(record.data)));
  recorded.setCustomMetadata(Buffer.from(JSON.stringify({ actor: { id: 'a', role: 'clerk' } })));
  const event = new ReadResp.ReadEvent();
  event.setEvent(recorded);
  return new ReadResp().setEvent(event);
}

export function checkpointMessage(position: Position): ReadResp {
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.commit.toString());
  checkpoint.setPreparePosition(position.prepare.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

export function caughtUpMessage(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

const resolve = (record: StoredRecord): AllStreamResolvedEvent =>
  convertGrpcEvent(eventMessage(record).getEvent()!) as AllStreamResolvedEvent;

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/** The server's end of one subscription: what the test sends arrives through the client's transform. */
export class ServerStream {
  readonly wire = Object.assign(new PassThrough({ objectMode: true }), { cancel: () => undefined });
  readonly options: SubscribeToAllOptions;
  constructor(options: SubscribeToAllOptions) {
    this.options = options;
  }
  send(...messages: ReadResp[]): void {
    for (const message of messages) this.wire.write(message);
  }
  fail(error: Error): void {
    this.wire.emit('error', error);
  }
}

export class EsdbStandIn {
  readonly log: StoredRecord[] = [];
  readonly subscriptions: ServerStream[] = [];
  readonly calls = { readStream: 0, readAll: 0 };
  /** Set to answer the next append with this error instead. */
  appendError: Error | undefined;
  /** Set to answer appends with this result instead of writing. */
  appendResult: AppendResult | undefined;
  /** Streams deleted for good: reading them fails as the server answers. */
  readonly tombstoned = new Set<string>();
  /** Reads of $all never answer while set (a server that accepts the call and stays silent). */
  silent = false;
  private nextPosition = 100n;

  /** Adds a record to the log (the server's own events are those in `$…` streams or of `$…` types). */
  record(stream: string, type: string, data: unknown = {}): StoredRecord {
    const revision = BigInt(this.log.filter((r) => r.stream === stream).length);
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 100n;
    const record = { id: crypto.randomUUID(), stream, revision, type, data, position };
    this.log.push(record);
    return record;
  }

  /** The adapter's view of it: typed as the client, implementing what the adapter calls. */
  client(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  async appendToStream(
    stream: string,
    events: EventData | EventData[],
    _options?: AppendToStreamOptions,
  ): Promise<AppendResult> {
    const error = this.appendError;
    this.appendError = undefined;
    if (error) throw error;
    if (this.appendResult) return this.appendResult;
    const written = [events].flat().map((e) => this.record(stream, e.type, e.data));
    const last = written.at(-1)!;
    // Like the server: a multi-event write reports its transaction's (first event's) position.
    return { success: true, nextExpectedRevision: last.revision, position: written[0]!.position };
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Readable {
    this.calls.readStream += 1;
    if (this.tombstoned.has(stream)) {
      const trailers = { exception: 'stream-deleted', 'stream-name': stream };
      return failing(serviceError(9, `Event stream ${stream} is deleted.`, trailers));
    }
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : 0n;
    const records = this.log.filter((r) => r.stream === stream && r.revision >= from);
    return readable(records.slice(0, Number(options.maxCount ?? records.length)).map(resolve));
  }

  readAll(options: ReadAllOptions = {}): Readable {
    this.calls.readAll += 1;
    if (this.silent) return readable([], { endless: true });
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    const inRange = (r: StoredRecord): boolean =>
      typeof from !== 'object' ||
      (backwards ? compare(r.position, from) <= 0 : compare(r.position, from) >= 0);
    const records = this.log.filter(inRange);
    if (backwards) records.reverse();
    return readable(records.slice(0, Number(options.maxCount ?? records.length)).map(resolve));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription<AllStreamResolvedEvent> {
    const server = new ServerStream(options);
    this.subscriptions.push(server);
    return new Subscription<AllStreamResolvedEvent>(
      () => Promise.resolve(server.wire as never),
      convertGrpcEvent as never,
      {},
      options.filter?.checkpointReached,
    );
  }

  /** The server's stream of the latest subscription. */
  get server(): ServerStream {
    const last = this.subscriptions.at(-1);
    if (!last) throw new Error('No subscription yet');
    return last;
  }

  async dispose(): Promise<void> {}
}

/** A client read: an object stream with the client's `cancel`; an endless one never answers. */
function readable(items: readonly unknown[], options: { endless?: boolean } = {}): Readable {
  const stream = options.endless
    ? new PassThrough({ objectMode: true })
    : Readable.from(items, { objectMode: true });
  return Object.assign(stream, {
    cancel: async () => {
      stream.destroy();
    },
  });
}

/** A client read that fails as the server's error arrives. */
function failing(error: Error): Readable {
  const stream = readable([], { endless: true });
  setImmediate(() => stream.destroy(error));
  return stream;
}
