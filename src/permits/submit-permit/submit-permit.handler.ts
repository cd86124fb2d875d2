import { CommandHandler } from '@nestjs/cqrs';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { SubmitPermitCommand } from './submit-permit.command.js';

@CommandHandler(SubmitPermitCommand)
export class SubmitPermitHandler extends PermitStepHandler<SubmitPermitCommand> {
  protected readonly relation = 'applicant';

  constructor(
    runner: PermitCommandRunner,
    private readonly ruleSets: RuleSetsReadModel,
  ) {
    super(runner);
  }

  protected command({ caller }: SubmitPermitCommand, permit: PermitView): PermitCommand {
    return {
      type: 'SubmitPermit',
      data: {
        permitId: permit.permitId,
        requiredDocuments: this.ruleSets.requireInForce(permit.municipality, caller.now).requiredDocuments[
          permit.applicationType
        ],
      },
    };
  }
}
