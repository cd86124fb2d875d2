import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { permitDecider } from '../permit.decider.js';
import { permitStream } from '../permit.events.js';
import { RecordPermitRevocationCommand } from './record-permit-revocation.command.js';

@CommandHandler(RecordPermitRevocationCommand)
export class RecordPermitRevocationHandler implements ICommandHandler<RecordPermitRevocationCommand> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ permitId, revocation, context }: RecordPermitRevocationCommand): Promise<void> {
    await this.commands.run(
      permitStream(permitId),
      permitDecider,
      { type: 'RecordPermitRevocation', data: { permitId, ...revocation } },
      context,
      { awaiting: [] },
    );
  }
}
