import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { AssessFeesCommand } from '../assess-fees/assess-fees.command.js';
import { PermitHistory } from './permit-history.js';

/** Fees are assessed the moment a design is approved, by the rules, not by a clerk. */
@Injectable()
export class AssessFeesReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-fees';
  readonly handles = ['DesignApproved'];

  constructor(
    private readonly history: PermitHistory,
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const file = await this.history.stateAfter(event);
    if (file.status !== 'design_approved') return;
    await this.commands.execute(
      new AssessFeesCommand(file, event.metadata.recordedAt, reactionContext(this.name, event)),
    );
  }
}
