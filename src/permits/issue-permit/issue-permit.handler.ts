import { CommandHandler } from '@nestjs/cqrs';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { IssuePermitCommand } from './issue-permit.command.js';

@CommandHandler(IssuePermitCommand)
export class IssuePermitHandler extends PermitStepHandler<IssuePermitCommand> {
  protected readonly relation = 'staff';
  // The answer shows the permit's document, and the first stage's inspector once one is found.
  protected override readonly until = (file: PermitView | undefined) =>
    file?.documents.permit !== undefined &&
    (file.inspectionStage === undefined || file.inspectorId !== undefined);

  constructor(
    runner: PermitCommandRunner,
    private readonly ruleSets: RuleSetsReadModel,
  ) {
    super(runner);
  }

  protected command({ caller }: IssuePermitCommand, permit: PermitView): PermitCommand {
    const { permitValidityMonths, inspectionStages } = this.ruleSets.requireInForce(
      permit.municipality,
      caller.now,
    );
    return {
      type: 'IssuePermit',
      data: {
        permitId: permit.permitId,
        at: caller.now,
        validityMonths: permitValidityMonths,
        ...(inspectionStages ? { inspectionStages } : {}),
      },
    };
  }
}
