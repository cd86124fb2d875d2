import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../shared/domain-error.js';
import type { DomainEvent } from '../event-envelope.js';
import { EVENT_STORE, type EventStore } from '../event-store.port.js';
import { SubscriberRunner } from '../subscriptions/subscriber-runner.js';
import type { CommandContext, CommandOptions } from './command-context.js';
import type { Decider } from './decider.js';
import { handleCommand, type CommandResult } from './handle-command.js';

export interface RunOptions extends CommandOptions {
  /** Projections (by name) that must show the result before the command returns: read-your-writes. */
  readonly awaiting: readonly string[];
}

/** `handleCommand` for HTTP use cases: writes, then waits until the named read models have caught up. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subscribers: SubscriberRunner,
  ) {}

  async run<Command, State, Event extends DomainEvent>(
    stream: string,
    decider: Decider<Command, State, Event>,
    command: Command,
    context: CommandContext,
    { awaiting, ...options }: RunOptions,
  ): Promise<CommandResult<State, Event>> {
    const result = await handleCommand(this.store, stream, decider, command, context, options);
    if (result.position !== undefined && awaiting.length > 0) {
      const current = await this.subscribers.waitFor(result.position, {
        names: awaiting.map((name) => `projection:${name}`),
      });
      // Answering from a read model that stopped (or lags by seconds) would show the state before
      // the change as if it were after: say that the change is saved, and that the view is not.
      if (!current) {
        throw new DomainError(
          'READ_MODEL.BEHIND',
          'The change is saved, but the view that shows it is not up to date; see /ready',
          'unavailable',
          { written: true, position: result.position, readModels: awaiting },
        );
      }
    }
    return result;
  }
}
