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
 * store's retries ran out and the news was parked.
 */
@Injectable()
export class NotificationCommands {
  private readonly messages = new KeyedTurns();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  run(messageId: string, command: NotificationCommand, context: CommandContext): Promise<NotificationState> {
    const stream = notificationStream(messageId);
    return this.messages.run(stream, async () => {
      const { state } = await handleCommand(this.store, stream, notificationDecider, command, context);
      return state;
    });
  }
}
