import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { WithdrawPermitCommand } from './withdraw-permit.command.js';

@CommandHandler(WithdrawPermitCommand)
export class WithdrawPermitHandler extends PermitStepHandler<WithdrawPermitCommand> {
  protected readonly relation = 'applicant';

  protected command(_: WithdrawPermitCommand, permit: PermitView): PermitCommand {
    return { type: 'WithdrawPermit', data: { permitId: permit.permitId } };
  }
}
