import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { handleCommand } from '../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import {
  notificationDecider,
  type NotificationCommand,
  type NotificationState,
} from './notification.decider.js';
import { notificationStream } from './notification.events.js';

/** Runs a command on one message's stream; reactions and the sender both write through it. */
@Injectable()
export class NotificationCommands {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(
    messageId: string,
    command: NotificationCommand,
    context: CommandContext,
  ): Promise<NotificationState> {
    const { state } = await handleCommand(
      this.store,
      notificationStream(messageId),
      notificationDecider,
      command,
      context,
    );
    return state;
  }
}
