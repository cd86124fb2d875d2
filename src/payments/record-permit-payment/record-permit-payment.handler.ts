import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { fold } from '../../event-store/command-handling/decider.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { permitDecider } from '../../permits/permit.decider.js';
import { permitStream } from '../../permits/permit.events.js';
import { isRefusal } from '../../shared/domain-error.js';
import { paymentDecider } from '../payment.decider.js';
import { paymentStream, type PaymentEvent } from '../payment.events.js';
import { RecordPermitPaymentCommand } from './record-permit-payment.command.js';

/**
 * The file may refuse the payment (a clerk changed a fee after the payment started, the file was
 * withdrawn): the money is taken all the same, so the payment is marked for a refund instead.
 */
@CommandHandler(RecordPermitPaymentCommand)
export class RecordPermitPaymentHandler implements ICommandHandler<RecordPermitPaymentCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandRunner,
  ) {}

  async execute({ confirmation, context }: RecordPermitPaymentCommand): Promise<void> {
    const { paymentId, reference, amount, paidAt } = confirmation;
    const history = await this.store.readStream(paymentStream(paymentId));
    const payment = fold(paymentDecider, history as unknown as PaymentEvent[]);
    // Already refused by the file: delivered again after a crash.
    if (payment.status !== 'confirmed') return;
    const { permitId, purpose } = payment.intent;
    try {
      await this.commands.run(
        permitStream(permitId),
        permitDecider,
        { type: 'RecordPayment', data: { permitId, purpose, reference, amount, channel: 'gateway', paidAt } },
        context,
        { awaiting: [] },
      );
    } catch (error) {
      // The file's decision, as opposed to a failure worth retrying (the store unreachable, a busy stream).
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
