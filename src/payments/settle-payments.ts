import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import { systemActor } from '../identity/principal.js';
import { paymentDecider, type PaymentCommand, type PaymentState } from './payment.decider.js';
import { paymentStream } from './payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway, type Verification } from './payment-gateway.port.js';
import type { PaymentView } from './payments.read-model.js';

export type Paid = Extract<Verification, { paid: true }>;

/**
 * Asks the gateway what became of a payment (server to server) and records money it took. A "not
 * paid" is never recorded as a failure: the payer may still pay until the intent expires, and only the
 * expiry sweep, which asks once more, closes the intent.
 */
@Injectable()
export class SettlePayments {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly commands: CommandRunner,
  ) {}

  /** Undefined when the gateway cannot be asked (the sandbox calls us instead) or the intent is another's. */
  verify(payment: PaymentView): Promise<Verification> | undefined {
    const { gatewayReference, amount, gateway } = payment;
    if (this.gateway.verify === undefined || gatewayReference === undefined || gateway !== this.gateway.name)
      return undefined;
    return this.gateway.verify({ gatewayReference, amount });
  }

  /** Whether this call recorded the confirmation (not a repetition), and the payment's status after it. */
  async confirm(
    payment: PaymentView,
    { reference, amount }: Paid,
    context: CommandContext,
  ): Promise<{ readonly recorded: boolean; readonly status: PaymentState['status'] }> {
    const data = { paymentId: payment.paymentId, reference, amount, paidAt: context.now };
    const { events, state } = await this.run(
      { type: 'ConfirmPayment', data: { ...data, gateway: this.gateway.name } },
      context,
    );
    return { recorded: events.length > 0, status: state.status };
  }

  async expire(payment: PaymentView, context: CommandContext): Promise<void> {
    const { paymentId, permitId, amount, startedAt } = payment;
    await this.run({ type: 'ExpirePayment', data: { paymentId, permitId, amount, startedAt } }, context);
  }

  private run(command: PaymentCommand, context: CommandContext) {
    return this.commands.run(
      paymentStream(command.data.paymentId),
      paymentDecider,
      command,
      { ...context, actor: systemActor('payment-gateway') },
      { awaiting: [] },
    );
  }
}
