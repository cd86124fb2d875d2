import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ReferToCommissionCommand } from './refer-to-commission.command.js';

@CommandHandler(ReferToCommissionCommand)
export class ReferToCommissionHandler extends PermitStepHandler<ReferToCommissionCommand> {
  protected readonly relation = 'staff';

  protected command(_: ReferToCommissionCommand, permit: PermitView): PermitCommand {
    return { type: 'ReferToCommission', data: { permitId: permit.permitId } };
  }
}
