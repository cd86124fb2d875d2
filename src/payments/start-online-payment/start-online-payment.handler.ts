import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { paymentsProjection } from '../../../projections/payments/payments.projection.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { PermitAccess, permitScope } from '../../permits/permit-access.js';
import { permitNotFound } from '../../permits/permit.decider.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { paymentDecider } from '../payment.decider.js';
import { paymentStream } from '../payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { amountDue } from './amount-due.js';
import { StartOnlinePaymentCommand } from './start-online-payment.command.js';
import type { StartOnlinePaymentResponseDto } from './start-online-payment.response.dto.js';

@CommandHandler(StartOnlinePaymentCommand)
export class StartOnlinePaymentHandler implements ICommandHandler<StartOnlinePaymentCommand> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly access: PermitAccess,
    private readonly commands: CommandRunner,
  ) {}

  async execute({
    permitId,
    request,
    caller,
  }: StartOnlinePaymentCommand): Promise<StartOnlinePaymentResponseDto> {
    // The sandbox is the only gateway so far, and it is not served in production.
    if (this.config.production) {
      throw new DomainError(
        'PAYMENT.GATEWAY_UNAVAILABLE',
        'Online payment is not available yet; pay at the cash desk',
        'unavailable',
      );
    }
    const permit = this.access.readable(caller, permitId);
    if (caller.accessTo(permitScope(permit)) !== 'owner') throw permitNotFound(permitId);
    const purpose = request.purpose ?? 'fees';
    const amount = amountDue(permit, purpose);
    const paymentId = newId();
    await this.commands.run(
      paymentStream(paymentId),
      paymentDecider,
      {
        type: 'StartPayment',
        data: {
          paymentId,
          permitId: permit.permitId,
          municipality: permit.municipality,
          purpose,
          amount,
          payerNationalId: permit.applicantNationalId,
          gateway: this.gateway.name,
        },
      },
      caller.commandContext(),
      { awaiting: [paymentsProjection.name] },
    );
    return { paymentId, amount, redirectUrl: this.gateway.startUrl(paymentId) };
  }
}
