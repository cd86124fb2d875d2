import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { WithdrawRenewalCommand } from './withdraw-renewal.command.js';

/** Today's time decides whether the permit went back to issued or ran out while the renewal waited. */
@CommandHandler(WithdrawRenewalCommand)
export class WithdrawRenewalHandler extends PermitStepHandler<WithdrawRenewalCommand> {
  protected readonly relation = 'applicant';

  protected command({ caller }: WithdrawRenewalCommand, permit: PermitView): PermitCommand {
    return { type: 'WithdrawRenewal', data: { permitId: permit.permitId, at: caller.now } };
  }
}
