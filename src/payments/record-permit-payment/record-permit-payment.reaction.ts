import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { type PaymentConfirmed, RecordPermitPaymentCommand } from './record-permit-payment.command.js';

/** Records every confirmed online payment on its permit file, or marks it for a refund. */
@Injectable()
export class RecordPermitPaymentReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-payments';
  readonly handles = ['PaymentConfirmed'];

  constructor(
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const { data } = event as RecordedEvent<PaymentConfirmed>;
    await this.commands.execute(
      new RecordPermitPaymentCommand(data, reactionContext('payment-gateway', event)),
    );
  }
}
