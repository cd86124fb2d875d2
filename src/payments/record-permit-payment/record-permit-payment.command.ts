import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { PaymentEvent } from '../payment.events.js';

export type PaymentConfirmed = Extract<PaymentEvent, { type: 'PaymentConfirmed' }>;

/** A confirmed online payment, to be recorded on its permit file. */
export class RecordPermitPaymentCommand extends Command<void> {
  constructor(
    readonly confirmation: PaymentConfirmed['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
