import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { permitDecider } from '../permit.decider.js';
import { permitStream } from '../permit.events.js';
import { PermitFees } from '../permit-fees.js';
import { PermitHistory } from './permit-history.js';

/** Fees are assessed the moment a design is approved, by the rules, not by a clerk. */
@Injectable()
export class AssessFeesReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-fees';
  readonly handles = ['DesignApproved'];

  constructor(
    private readonly history: PermitHistory,
    private readonly fees: PermitFees,
    private readonly commands: CommandRunner,
    private readonly subscribers: SubscriberRunner,
    private readonly readModels: ReadModelDatabase,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.readModels));
  }

  async react(event: RecordedEvent): Promise<void> {
    const file = await this.history.stateAfter(event);
    if (file.status !== 'design_approved') return;
    const estimate = this.fees.estimate(
      file,
      file.mapOrder.limits,
      file.design.design,
      event.metadata.recordedAt,
    );
    await this.commands.run(
      permitStream(file.permitId),
      permitDecider,
      { type: 'AssessFees', data: { permitId: file.permitId, ...estimate } },
      reactionContext(this.name, event),
      { awaiting: [] },
    );
  }
}
