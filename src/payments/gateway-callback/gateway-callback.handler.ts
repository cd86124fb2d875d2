import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { systemActor } from '../../identity/principal.js';
import { DomainError } from '../../shared/domain-error.js';
import { paymentDecider, type PaymentCommand } from '../payment.decider.js';
import { paymentStream } from '../payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { parseGatewayCallback } from './gateway-callback.js';
import type { GatewayCallbackAnswerDto } from './gateway-callback-answer.response.dto.js';
import { ReceiveGatewayCallbackCommand } from './gateway-callback.command.js';

/** Used when the gateway gives no reason. */
const FAILED_AT_GATEWAY = 'not paid at the gateway';

/**
 * The gateway's word on a payment. A callback delivered again (gateways retry until answered 200)
 * decides nothing new and gets the same answer. Served only for a gateway that signs callbacks (the
 * sandbox): Zarinpal's word is its server-to-server verification, never a callback.
 */
@CommandHandler(ReceiveGatewayCallbackCommand)
export class ReceiveGatewayCallbackHandler implements ICommandHandler<ReceiveGatewayCallbackCommand> {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly commands: CommandRunner,
  ) {}

  async execute({
    rawBody,
    signature,
    caller,
  }: ReceiveGatewayCallbackCommand): Promise<GatewayCallbackAnswerDto> {
    if (this.gateway.verifyCallback === undefined) {
      throw new DomainError('HTTP.NOT_FOUND', 'The configured gateway sends no callbacks', 'not_found');
    }
    if (!this.gateway.verifyCallback(rawBody, signature)) {
      throw new DomainError(
        'PAYMENT.BAD_SIGNATURE',
        'The callback is not signed by the payment gateway',
        'unauthenticated',
      );
    }
    const callback = parseGatewayCallback(rawBody);
    const { paymentId } = callback;
    const gateway = this.gateway.name;
    if (callback.status === 'paid') {
      const { reference, amount, paidAt } = callback;
      await this.run(
        { type: 'ConfirmPayment', data: { paymentId, reference, amount, paidAt, gateway } },
        caller,
      );
      return { paymentId, status: 'confirmed', reference };
    }
    await this.run(
      { type: 'FailPayment', data: { paymentId, reason: callback.reason ?? FAILED_AT_GATEWAY, gateway } },
      caller,
    );
    return { paymentId, status: 'failed', ...(callback.reference ? { reference: callback.reference } : {}) };
  }

  private async run(command: PaymentCommand, caller: Caller): Promise<void> {
    await this.commands.run(
      paymentStream(command.data.paymentId),
      paymentDecider,
      command,
      { ...caller.commandContext(), actor: systemActor('payment-gateway') },
      // The answer comes from the callback itself: a lagging view must not make the gateway think
      // a payment that is saved was refused.
      { awaiting: [] },
    );
  }
}
