import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { PermitFees } from '../permit-fees.js';
import { permitDecider } from '../permit.decider.js';
import { permitStream } from '../permit.events.js';
import { AssessFeesCommand } from './assess-fees.command.js';

@CommandHandler(AssessFeesCommand)
export class AssessFeesHandler implements ICommandHandler<AssessFeesCommand> {
  constructor(
    private readonly fees: PermitFees,
    private readonly commands: CommandRunner,
  ) {}

  async execute({ file, approvedAt, context }: AssessFeesCommand): Promise<void> {
    const estimate = this.fees.estimate(file, file.mapOrder.limits, file.design.design, approvedAt);
    await this.commands.run(
      permitStream(file.permitId),
      permitDecider,
      { type: 'AssessFees', data: { permitId: file.permitId, ...estimate } },
      context,
      { awaiting: [] },
    );
  }
}
