import { CommandHandler } from '@nestjs/cqrs';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RenewPermitCommand } from './renew-permit.command.js';

@CommandHandler(RenewPermitCommand)
export class RenewPermitHandler extends PermitStepHandler<RenewPermitCommand> {
  protected readonly relation = 'staff';
  // The renewed permit's document is issued by a reaction; the answer names it.
  protected override readonly until = (file: PermitView | undefined) =>
    file?.status === 'issued' && file.documents.permit !== undefined;

  constructor(
    runner: PermitCommandRunner,
    private readonly ruleSets: RuleSetsReadModel,
  ) {
    super(runner);
  }

  protected command({ caller }: RenewPermitCommand, permit: PermitView): PermitCommand {
    const ruleSet = this.ruleSets.requireInForce(permit.municipality, caller.now);
    return {
      type: 'RenewPermit',
      data: {
        permitId: permit.permitId,
        at: caller.now,
        validityMonths: ruleSet.permitValidityMonths,
        ruleSetVersion: ruleSet.version,
      },
    };
  }
}
