import { CommandHandler } from '@nestjs/cqrs';
import { PermitFees } from '../permit-fees.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ApproveDesignCommand } from './approve-design.command.js';

@CommandHandler(ApproveDesignCommand)
export class ApproveDesignHandler extends PermitStepHandler<ApproveDesignCommand> {
  protected readonly relation = 'staff';
  protected override readonly until = (file: PermitView | undefined) => file?.fees !== undefined;

  constructor(
    runner: PermitCommandRunner,
    private readonly fees: PermitFees,
  ) {
    super(runner);
  }

  protected command({ caller, input }: ApproveDesignCommand, permit: PermitView): PermitCommand {
    // Priced first, so an approval never leaves a file whose fees cannot be assessed.
    if (permit.design && permit.mapOrder)
      this.fees.estimate(permit, permit.mapOrder.limits, permit.design.design, caller.now);
    const { overrideReason } = input;
    return {
      type: 'ApproveDesign',
      data: { permitId: permit.permitId, ...(overrideReason ? { overrideReason } : {}) },
    };
  }
}
