import { Inject, Injectable } from '@nestjs/common';
import { refundsProjection } from '../../../projections/refunds/refunds.projection.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { permitStream, type PermitEvent } from '../../permits/permit.events.js';
import { fileHolding } from './file-holding.js';
import { refundDecider } from './refund.decider.js';
import { refundsStream, type RefundEvent } from './refund.events.js';

type Request = Omit<Extract<RefundEvent, { type: 'RefundRequested' }>['data'], 'amount'> & {
  /** Absent: all that is left of the payment. */
  readonly amount?: number;
};

/** The payment a refund is asked of: what the gateway confirmed (0: nothing came in), under which reference. */
export type RefundedPayment = { readonly paid: number; readonly reference: string | undefined };

/**
 * Asks for a refund of a payment in the payment's refunds stream, with what its permit file holds of it
 * as the decider's fact; what is left of the payment the decider works out at the stream's revision.
 */
@Injectable()
export class RefundRequester {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandRunner,
  ) {}

  async request(
    request: Request,
    { paid, reference }: RefundedPayment,
    context: CommandContext,
    awaitView: boolean,
  ): Promise<void> {
    const history = await this.store.readStream(permitStream(request.permitId));
    await this.commands.run(
      refundsStream(request.paymentId),
      refundDecider,
      {
        type: 'RequestRefund',
        data: request,
        paid,
        file: fileHolding(history as unknown as PermitEvent[], reference),
      },
      context,
      { awaiting: awaitView ? [refundsProjection.name] : [] },
    );
  }
}
