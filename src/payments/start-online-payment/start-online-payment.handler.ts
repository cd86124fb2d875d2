import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { paymentsProjection } from '../../../projections/payments/payments.projection.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { PermitAccess, permitScope } from '../../permits/permit-access.js';
import { permitNotFound } from '../../permits/permit.decider.js';
import { newId } from '../../shared/ids.js';
import { paymentDecider } from '../payment.decider.js';
import { paymentStream } from '../payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { PURPOSE_FA } from '../payment-purposes.js';
import { amountDue } from './amount-due.js';
import { StartOnlinePaymentCommand } from './start-online-payment.command.js';
import type { StartOnlinePaymentResponseDto } from './start-online-payment.response.dto.js';

@CommandHandler(StartOnlinePaymentCommand)
export class StartOnlinePaymentHandler implements ICommandHandler<StartOnlinePaymentCommand> {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly access: PermitAccess,
    private readonly commands: CommandRunner,
  ) {}

  async execute({
    permitId,
    request,
    caller,
  }: StartOnlinePaymentCommand): Promise<StartOnlinePaymentResponseDto> {
    const permit = this.access.readable(caller, permitId);
    if (caller.accessTo(permitScope(permit)) !== 'owner') throw permitNotFound(permitId);
    const purpose = request.purpose ?? 'fees';
    const amount = amountDue(permit, purpose);
    const paymentId = newId();
    // The gateway first: an intent it never opened would only wait to expire. An authority we fail to
    // record is harmless, as nobody can pay it without being sent there.
    const { redirectUrl, gatewayReference } = await this.gateway.start({
      paymentId,
      amount,
      description: `${PURPOSE_FA[purpose]} ${permit.trackingNumber ?? permit.permitId}`,
    });
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
          ...(gatewayReference === undefined ? {} : { gatewayReference }),
        },
      },
      caller.commandContext(),
      { awaiting: [paymentsProjection.name] },
    );
    return { paymentId, amount, redirectUrl };
  }
}
