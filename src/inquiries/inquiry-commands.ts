import { Inject, Injectable } from '@nestjs/common';
import { inquiriesProjection } from '../../projections/inquiries/inquiries.projection.js';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import type { InquiryCommand } from './inquiry.commands.js';
import { inquiryDecider, inquiryNotFound } from './inquiry.decider.js';
import { inquiryStream } from './inquiry.events.js';
import { InquiriesReadModel, type InquiryDocument } from './inquiries.read-model.js';

export interface InquiryCommandOptions {
  /** Reactions (by name), each acting on what the one before appended, whose work the answer shows. */
  readonly reactions?: readonly string[];
  /** How long to wait for them; the answer is the inquiry as it stands when the time is up. */
  readonly timeoutMs?: number;
}

/** Runs one command on an inquiry for an HTTP caller and answers the inquiry as it is afterwards. */
@Injectable()
export class InquiryCommands {
  constructor(
    private readonly commands: CommandRunner,
    private readonly inquiries: InquiriesReadModel,
    private readonly subscribers: SubscriberRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** `repeated`: the command had been carried out before and decided nothing now. */
  async execute(
    inquiryId: string,
    command: InquiryCommand,
    context: CommandContext,
    { reactions = [], timeoutMs = 5_000 }: InquiryCommandOptions = {},
  ): Promise<{ readonly repeated: boolean; readonly inquiry: InquiryDocument }> {
    const deadline = Date.now() + timeoutMs;
    const result = await this.commands.run(inquiryStream(inquiryId), inquiryDecider, command, context, {
      awaiting: [inquiriesProjection.name],
    });
    const repeated = result.events.length === 0;
    if (!repeated && result.position !== undefined) await this.follow(result.position, reactions, deadline);
    return { repeated, inquiry: this.inquiries.getOr(inquiryId, inquiryNotFound) };
  }

  /** Waits for each reaction in turn past what was appended so far, then for the read model to show it all. */
  private async follow(position: string, reactions: readonly string[], deadline: number): Promise<void> {
    const names = [...reactions.map((r) => `reaction:${r}`), `projection:${inquiriesProjection.name}`];
    let at = position;
    for (const name of names) {
      const timeoutMs = deadline - Date.now();
      if (timeoutMs <= 0) return;
      if (!(await this.subscribers.waitFor(at, { names: [name], timeoutMs }))) return;
      at = (await this.store.headPosition()) ?? at;
    }
  }
}
