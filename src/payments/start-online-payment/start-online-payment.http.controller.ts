import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { paymentsProjection } from '../../../projections/payments/payments.projection.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PermitAccess, permitScope } from '../../permits/permit-access.js';
import { permitNotFound } from '../../permits/permit.decider.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { paymentDecider } from '../payment.decider.js';
import { paymentStream } from '../payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { amountDue } from './amount-due.js';
import { StartOnlinePaymentRequestDto, StartOnlinePaymentResponseDto } from './start-online-payment.dto.js';

@ApiTags('payments')
@Controller('permits/:id/payments')
export class StartOnlinePaymentHttpController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly access: PermitAccess,
    private readonly commands: CommandRunner,
  ) {}

  /** Only the applicant pays online, or a counter office at their side: staff take payments at the cash desk. */
  @Post('online')
  @Roles(['citizen', 'counter_office'])
  @ApiOperation({ summary: 'Pay a permit file’s fees or fine online: starts a payment at the gateway' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @ApiCreatedResponse({ type: StartOnlinePaymentResponseDto })
  @ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not the caller’s file' })
  @ApiConflictResponse({ description: 'PAYMENT.NOTHING_DUE (details.status)' })
  @ApiServiceUnavailableResponse({ description: 'PAYMENT.GATEWAY_UNAVAILABLE: no real gateway is connected' })
  async start(
    @Param('id') permitId: string,
    @Body() body: StartOnlinePaymentRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<StartOnlinePaymentResponseDto> {
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
    const purpose = body.purpose ?? 'fees';
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
