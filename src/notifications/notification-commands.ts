import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { handleCommand } from '../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { KeyedTurns } from '../shared/keyed-turns.js';
import {
  notificationDecider,
  type NotificationCommand,
  type NotificationState,
} from './notification.decider.js';
import { notificationStream } from './notification.events.js';

/**
 * Runs a command on one message's stream; reactions and the sender both write through it. Commands on
 * one message take turns: a reaction handles many events at once, and the news of one person's window
 * (a notary office's answers arriving together) would otherwise race for the same stream until the
 * store's retries ran out and the news was parked. A command's time moves on by its wait for its turn,
 * so news that waited past the window's end goes in a message of its own, not into one being sent.
 */
@Injectable()
export class NotificationCommands {
  private readonly messages = new KeyedTurns();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  run(messageId: string, command: NotificationCommand, context: CommandContext): Promise<NotificationState> {
    const stream = notificationStream(messageId);
    const asked = Date.now();
    return this.messages.run(stream, async () => {
      const waited = Date.now() - asked;
      const { state } = await handleCommand(
        this.store,
        stream,
        notificationDecider,
        laterBy(command, waited),
        { ...context, now: shifted(context.now, waited) },
      );
      return state;
    });
  }
}

function laterBy(command: NotificationCommand, ms: number): NotificationCommand {
  if (!('now' in command.data)) return command;
  return { ...command, data: { ...command.data, now: shifted(command.data.now, ms) } } as NotificationCommand;
}

const shifted = (at: string, ms: number): string =>
  ms === 0 ? at : new Date(Date.parse(at) + ms).toISOString();
