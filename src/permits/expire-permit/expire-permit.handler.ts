import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { permitDecider } from '../permit.decider.js';
import { permitStream } from '../permit.events.js';
import { ExpirePermitCommand } from './expire-permit.command.js';

@CommandHandler(ExpirePermitCommand)
export class ExpirePermitHandler implements ICommandHandler<ExpirePermitCommand> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ permitId, context }: ExpirePermitCommand): Promise<void> {
    await this.commands.run(
      permitStream(permitId),
      permitDecider,
      { type: 'ExpirePermit', data: { permitId, at: context.now } },
      context,
      { awaiting: [] },
    );
  }
}
