import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../shared/domain-error.js';
import { paymentNotFound } from '../payment.decider.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { PaymentsReadModel, type PaymentView } from '../payments.read-model.js';
import { SettlePayments } from '../settle-payments.js';
import { ReturnFromZarinpalCommand } from './zarinpal-return.command.js';
import type { ZarinpalReturnAnswerDto } from './zarinpal-return-answer.response.dto.js';

const AUTHORITY = /^A[0-9A-Za-z]{1,64}$/;

/**
 * The query string only names the intent: whether it was paid is asked of Zarinpal, server to server,
 * and only money taken is recorded. Anyone may hold the authority and come here before the payer has
 * paid (Zarinpal answers -51), so "not paid" records nothing, not even after `Status=NOK`: the payer
 * can still pay, and the expiry sweep asks once more before it closes the intent. A return repeated (a
 * reload, a second tab, a stranger) is answered with the status alone.
 */
@CommandHandler(ReturnFromZarinpalCommand)
export class ReturnFromZarinpalHandler implements ICommandHandler<ReturnFromZarinpalCommand> {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly payments: PaymentsReadModel,
    private readonly settle: SettlePayments,
  ) {}

  async execute({ authority, status, caller }: ReturnFromZarinpalCommand): Promise<ZarinpalReturnAnswerDto> {
    if (this.gateway.name !== 'zarinpal') {
      throw new DomainError('HTTP.NOT_FOUND', 'Zarinpal is not the configured gateway', 'not_found');
    }
    if (typeof authority !== 'string' || !AUTHORITY.test(authority)) {
      throw new DomainError(
        'PAYMENT.INVALID_RETURN',
        'Authority is A and up to 64 letters or digits',
        'invalid',
        {
          field: 'Authority',
        },
      );
    }
    const payment = this.payments.findOne('gatewayReference', authority);
    if (payment === undefined) throw paymentNotFound(authority);
    if (payment.status === 'confirmed' || payment.status === 'rejected_by_file')
      return { status: payment.status };
    const verification = this.settle.verify(payment);
    if (verification === undefined) throw paymentNotFound(authority);
    const answer = await verification;
    if (!answer.paid) return { status: notPaid(payment, status) };
    const { recorded, status: after } = await this.settle.confirm(payment, answer, caller.commandContext());
    if (!recorded) return { status: after === 'rejected_by_file' ? after : 'confirmed' };
    return { paymentId: payment.paymentId, status: 'confirmed', reference: answer.reference };
  }
}

function notPaid(payment: PaymentView, status: unknown): ZarinpalReturnAnswerDto['status'] {
  if (payment.status === 'expired') return 'expired';
  return status === 'NOK' ? 'cancelled' : 'not_paid_yet';
}
