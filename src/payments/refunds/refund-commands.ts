import { Injectable } from '@nestjs/common';
import { refundsProjection } from '../../../projections/refunds/refunds.projection.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { RefundAccess } from './refund-access.js';
import { refundDecider, refundNotFound, type RefundCommand } from './refund.decider.js';
import { refundsStream } from './refund.events.js';
import { RefundsReadModel, type RefundView } from './refunds.read-model.js';

/** Staff decisions on one refund: 404 to anyone but staff of its municipality, then the refund as it is now. */
@Injectable()
export class RefundCommands {
  constructor(
    private readonly access: RefundAccess,
    private readonly refunds: RefundsReadModel,
    private readonly commands: CommandRunner,
  ) {}

  /** The refund, if `caller` may decide on it. */
  handled(caller: Caller, refundId: string): RefundView {
    return this.access.handled(caller, refundId);
  }

  async run(caller: Caller, command: Exclude<RefundCommand, { type: 'RequestRefund' }>): Promise<RefundView> {
    const { refundId } = command.data;
    const { paymentId } = this.handled(caller, refundId);
    await this.commands.run(refundsStream(paymentId), refundDecider, command, caller.commandContext(), {
      awaiting: [refundsProjection.name],
    });
    return this.refunds.getOr(refundId, refundNotFound);
  }
}
