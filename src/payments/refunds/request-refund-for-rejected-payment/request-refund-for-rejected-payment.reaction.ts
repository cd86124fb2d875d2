import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { fold } from '../../../event-store/command-handling/decider.js';
import type { RecordedEvent } from '../../../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import { ReactionSubscriber, type Reaction } from '../../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../../identity/principal.js';
import { isRefusal } from '../../../shared/domain-error.js';
import { paymentDecider } from '../../payment.decider.js';
import { paymentStream, type PaymentEvent } from '../../payment.events.js';
import { RefundRequester } from '../refund-requester.js';

/** The decider's limit on a reason. */
const MAX_REASON = 500;

type Rejected = Extract<PaymentEvent, { type: 'PaymentRejectedByFile' }>;

/**
 * Money the file refused goes back whole: a refund is requested by the system, and a clerk approves it.
 * Its id is the payment's, so a redelivered rejection finds the refund already asked for.
 */
@Injectable()
export class RequestRefundForRejectedPaymentReaction implements Reaction, OnModuleInit {
  readonly name = 'refunds';
  readonly handles = ['PaymentRejectedByFile'];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly requester: RefundRequester,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const { paymentId, message } = (event as RecordedEvent<Rejected>).data;
    const history = await this.store.readStream(paymentStream(paymentId));
    const payment = fold(paymentDecider, history as unknown as PaymentEvent[]);
    if (payment.status !== 'rejected_by_file') return;
    const { permitId, municipality, amount, payerNationalId } = payment.intent;
    const context = reactionContext(this.name, event);
    const request = { refundId: paymentId, paymentId, permitId, municipality, amount, payerNationalId };
    try {
      await this.requester.request(
        {
          ...request,
          reason: `The file refused the payment: ${message}`.slice(0, MAX_REASON),
          requestedBy: context.actor.id,
        },
        { paid: amount, reference: payment.reference },
        context,
        false,
      );
    } catch (error) {
      // Asked for already (a redelivery), or by a clerk first: nothing is left to ask for.
      if (!isRefusal(error)) throw error;
    }
  }
}
