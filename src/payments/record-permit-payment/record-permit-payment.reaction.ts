import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { fold } from '../../event-store/command-handling/decider.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { permitDecider } from '../../permits/permit.decider.js';
import { permitStream } from '../../permits/permit.events.js';
import { isRefusal } from '../../shared/domain-error.js';
import { paymentDecider } from '../payment.decider.js';
import { paymentStream, type PaymentEvent } from '../payment.events.js';

type PaymentConfirmed = Extract<PaymentEvent, { type: 'PaymentConfirmed' }>;

/**
 * Records a confirmed online payment on its permit file. The file may refuse it (a clerk changed a fee
 * after the payment started, the file was withdrawn): the money is taken all the same, so the payment
 * is marked for a refund and the reaction goes on.
 */
@Injectable()
export class RecordPermitPaymentReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-payments';
  readonly handles = ['PaymentConfirmed'];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandRunner,
    private readonly subscribers: SubscriberRunner,
    private readonly readModels: ReadModelDatabase,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.readModels));
  }

  async react(event: RecordedEvent): Promise<void> {
    const { paymentId, reference, amount, paidAt } = (event as RecordedEvent<PaymentConfirmed>).data;
    const history = await this.store.readStream(paymentStream(paymentId));
    const payment = fold(paymentDecider, history as unknown as PaymentEvent[]);
    // Already refused by the file: delivered again after a crash.
    if (payment.status !== 'confirmed') return;
    const { permitId, purpose } = payment.intent;
    const context = reactionContext('payment-gateway', event);
    try {
      await this.commands.run(
        permitStream(permitId),
        permitDecider,
        { type: 'RecordPayment', data: { permitId, purpose, reference, amount, channel: 'gateway', paidAt } },
        context,
        { awaiting: [] },
      );
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await this.commands.run(
        paymentStream(paymentId),
        paymentDecider,
        { type: 'RejectPaymentByFile', data: { paymentId, code: error.code, message: error.message } },
        context,
        { awaiting: [] },
      );
    }
  }
}

/** The file's decision, as opposed to a failure worth retrying (the store unreachable, a busy stream). */
