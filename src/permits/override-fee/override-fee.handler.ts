import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { OverrideFeeCommand } from './override-fee.command.js';

@CommandHandler(OverrideFeeCommand)
export class OverrideFeeHandler implements ICommandHandler<OverrideFeeCommand> {
  constructor(private readonly runner: PermitCommandRunner) {}

  execute({ caller, permitId, input, options }: OverrideFeeCommand): Promise<PermitView> {
    const { line, to, reason } = input;
    return this.runner.run(
      caller,
      permitId,
      'staff',
      (p) => ({ type: 'OverrideFee', data: { permitId: p.permitId, line, to, reason } }),
      options,
    );
  }
}
