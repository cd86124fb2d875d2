import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fold } from '../../../event-store/command-handling/decider.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import { DomainError } from '../../../shared/domain-error.js';
import { paymentDecider } from '../../payment.decider.js';
import { paymentStream, type PaymentEvent } from '../../payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../../payment-gateway.port.js';
import { RefundCommands } from '../refund-commands.js';
import type { RefundView } from '../refunds.read-model.js';
import { PayRefundCommand } from './pay-refund.command.js';

/** The gateway's clear "no": nothing went out, so the refund may be paid another way. */
const REFUSED = 'PAYMENT.REFUND_REFUSED';

/** The gateway was asked and may have paid: only a look at its panel can tell. */
const outcomeUnknown = (refundId: string, cause: unknown) =>
  new DomainError(
    'REFUND.PAYOUT_OUTCOME_UNKNOWN',
    'The gateway did not say whether it paid the refund out: check its panel, then settle the payout',
    'unavailable',
    { refundId, status: 'paying', cause: cause instanceof DomainError ? cause.code : 'error' },
  );

@CommandHandler(PayRefundCommand)
export class PayRefundHandler implements ICommandHandler<PayRefundCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly refunds: RefundCommands,
  ) {}

  async execute({ refundId, request, caller }: PayRefundCommand): Promise<RefundView> {
    const refund = this.refunds.handled(caller, refundId);
    if (request.method === 'cash_desk')
      return this.paid(caller, refund, 'cash_desk', request.receiptReference);
    // Recorded before the gateway is asked, at the stream's revision: a second cashier, a double click
    // or a retry is refused (REFUND.PAYOUT_IN_PROGRESS) and never reaches the gateway.
    await this.refunds.run(caller, {
      type: 'StartRefundPayout',
      data: { refundId, method: 'gateway', by: caller.signedIn.id },
    });
    let refundReference: string;
    try {
      ({ refundReference } = await this.gateway.refund(await this.gatewayRequest(refund)));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === REFUSED)) throw outcomeUnknown(refundId, error);
      await this.refunds.run(caller, {
        type: 'FailRefundPayout',
        data: { refundId, code: error.code, by: caller.signedIn.id },
      });
      throw error;
    }
    return this.paid(caller, refund, 'gateway', refundReference);
  }

  private paid(caller: Caller, refund: RefundView, method: 'gateway' | 'cash_desk', reference = '') {
    return this.refunds.run(caller, {
      type: 'PayRefund',
      data: { refundId: refund.refundId, method, refundReference: reference, paidAt: caller.now },
    });
  }

  private async gatewayRequest(refund: RefundView) {
    const history = await this.store.readStream(paymentStream(refund.paymentId));
    const payment = fold(paymentDecider, history as unknown as PaymentEvent[]);
    const reference = 'reference' in payment ? payment.reference : '';
    return { paymentId: refund.paymentId, reference, amount: refund.amount, reason: refund.reason };
  }
}
