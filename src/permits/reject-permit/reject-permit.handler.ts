import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RejectPermitCommand } from './reject-permit.command.js';

@CommandHandler(RejectPermitCommand)
export class RejectPermitHandler extends PermitStepHandler<RejectPermitCommand> {
  protected readonly relation = 'staff';

  protected command({ input }: RejectPermitCommand, permit: PermitView): PermitCommand {
    return { type: 'RejectPermit', data: { permitId: permit.permitId, reason: input.reason } };
  }
}
