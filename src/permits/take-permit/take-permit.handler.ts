import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { TakePermitCommand } from './take-permit.command.js';

@CommandHandler(TakePermitCommand)
export class TakePermitHandler extends PermitStepHandler<TakePermitCommand> {
  protected readonly relation = 'staff';

  protected command({ caller }: TakePermitCommand, permit: PermitView): PermitCommand {
    return { type: 'TakePermit', data: { permitId: permit.permitId, clerkId: caller.signedIn.id } };
  }
}
