import { v5 as uuidv5 } from 'uuid';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import type { DomainEvent, NewEvent, RecordedEvent } from '../event-envelope.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import type { EventStore } from '../event-store.port.js';
import type { CommandContext, CommandOptions } from './command-context.js';
import { reportRevision } from './command-revision.js';
import { fold, type Decider } from './decider.js';

export const EVENT_SCHEMA_VERSION = 1;
const IDEMPOTENCY_NAMESPACE = '6f6c0d3e-8a43-4a57-9c3b-2f1d0b7f6a10';
const MAX_ATTEMPTS = 10;

export interface CommandResult<State, Event extends DomainEvent> {
  readonly events: readonly NewEvent<Event>[];
  readonly state: State;
  /** The stream's last revision after the command, for the response's ETag; undefined if still empty. */
  readonly revision: bigint | undefined;
  readonly position: string | undefined;
}

/**
 * Read the stream, fold it, decide, append at the revision read. A conflict with another writer is
 * decided again on the fresh state a bounded number of times, unless the client pinned a revision
 * with If-Match, which is then answered 412. The revision reached is reported for the answer's ETag.
 */
export async function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  context: CommandContext,
  options: CommandOptions = {},
): Promise<CommandResult<State, Event>> {
  const result = await decideAndAppend(store, stream, decider, command, context, options);
  reportRevision(stream, result.revision);
  return result;
}

async function decideAndAppend<Command, State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  context: CommandContext,
  options: CommandOptions,
): Promise<CommandResult<State, Event>> {
  const pinned = typeof options.expectedRevision === 'bigint' ? options.expectedRevision : undefined;
  for (let attempt = 1; ; attempt += 1) {
    const history = (await store.readStream(stream)) as RecordedEvent<Event>[];
    const revision = history.at(-1)?.revision;
    const holds =
      pinned !== undefined
        ? pinned === revision
        : options.expectedRevision !== 'exists' || revision !== undefined;
    if (!holds) throw preconditionFailed(stream, options.expectedRevision!, revision);
    const state = fold(decider, asDomainEvents(history));
    const ids =
      options.idempotencyKey === undefined
        ? undefined
        : idempotentIds(context, stream, options.idempotencyKey);
    const repeated = ids && history.findIndex((e) => e.id === ids(0));
    if (ids && repeated !== undefined && repeated !== -1) {
      const first = history[repeated]!.metadata.requestDigest;
      // Events written before digests were kept replay as they always did.
      if (first !== undefined && first !== options.requestDigest) throw keyReused(options);
      return replay(decider, history, repeated, ids, state);
    }

    const decided = decider.decide(command, state);
    if (decided instanceof DomainError) throw decided;
    if (decided.length === 0) return { events: [], state, revision, position: history.at(-1)?.position };
    const events = decided.map((e, i) =>
      toNewEvent(e, ids ? ids(i) : newId(), context, ids ? options.requestDigest : undefined),
    );
    try {
      const result = await store.append(stream, events, { expectedRevision: revision ?? 'no_stream' });
      return {
        events,
        state: asDomainEvents(events).reduce(decider.evolve, state),
        revision: result.nextExpectedRevision,
        position: result.position,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (pinned !== undefined) throw preconditionFailed(stream, pinned, error.actualRevision);
      if (attempt >= MAX_ATTEMPTS) {
        throw new DomainError(
          'STREAM.CONCURRENT_MODIFICATION',
          `${stream} is being changed by others; try again`,
          'conflict',
        );
      }
    }
  }
}

export function toNewEvent<Event extends DomainEvent>(
  event: Event,
  id: string,
  context: CommandContext,
  requestDigest?: string,
): NewEvent<Event> {
  const metadata = {
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    recordedAt: context.now,
    schemaVersion: EVENT_SCHEMA_VERSION,
    ...(requestDigest === undefined ? {} : { requestDigest }),
  };
  // TypeScript cannot follow a generic union member through the spread; type and data stay paired.
  return { id, type: event.type, data: event.data, metadata } as NewEvent<Event>;
}

/** The same key from the same actor on the same stream always names the same events. */
function idempotentIds(context: CommandContext, stream: string, key: string): (index: number) => string {
  return (index) => uuidv5(`${context.actor.id}\n${stream}\n${key}\n${index}`, IDEMPOTENCY_NAMESPACE);
}

function replay<State, Event extends DomainEvent>(
  decider: Pick<Decider<never, State, Event>, 'initialState' | 'evolve'>,
  history: readonly RecordedEvent<Event>[],
  firstIndex: number,
  ids: (index: number) => string,
  current: State,
): CommandResult<State, Event> {
  let last = firstIndex;
  while (history[last + 1]?.id === ids(last + 1 - firstIndex)) last += 1;
  const earlier = history.slice(firstIndex, last + 1);
  return {
    events: earlier.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }) as NewEvent<Event>),
    state: last === history.length - 1 ? current : fold(decider, asDomainEvents(history.slice(0, last + 1))),
    revision: earlier.at(-1)!.revision,
    position: earlier.at(-1)!.position,
  };
}

function keyReused(options: CommandOptions): DomainError {
  return new DomainError(
    'REQUEST.IDEMPOTENCY_KEY_REUSED',
    `Idempotency-Key ${options.idempotencyKey} was used for another request; use a new key`,
    'unprocessable',
  );
}

function preconditionFailed(
  stream: string,
  expected: bigint | 'exists',
  actual: bigint | 'no_stream' | undefined,
): DomainError {
  const current = actual === undefined || actual === 'no_stream' ? null : actual.toString();
  const tag = expected === 'exists' ? '*' : `"${expected}"`;
  return new DomainError(
    'STREAM.PRECONDITION_FAILED',
    `If-Match ${tag} does not hold: ${stream} is at revision ${current ?? 'none'}`,
    'precondition_failed',
    { currentRevision: current },
  );
}

/**
 * Envelopes carry the `type` and `data` of the domain event they hold; the store cannot know which
 * member of the union they are, so this is the one place that trusts the stream's category for it.
 */
function asDomainEvents<Event extends DomainEvent>(
  envelopes: readonly (NewEvent<Event> | RecordedEvent<Event>)[],
): Event[] {
  return envelopes as unknown as Event[];
}
