import { CommandHandler } from '@nestjs/cqrs';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { IssueMapOrderCommand } from './issue-map-order.command.js';

@CommandHandler(IssueMapOrderCommand)
export class IssueMapOrderHandler extends PermitStepHandler<IssueMapOrderCommand> {
  protected readonly relation = 'staff';
  protected override readonly until = (file: PermitView | undefined) =>
    file?.documents.mapOrder !== undefined;

  constructor(
    runner: PermitCommandRunner,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly parcels: ParcelsReadModel,
  ) {
    super(runner);
  }

  protected command({ caller }: IssueMapOrderCommand, permit: PermitView): PermitCommand {
    return {
      type: 'IssueMapOrder',
      data: {
        permitId: permit.permitId,
        ruleSet: this.ruleSets.requireInForce(permit.municipality, caller.now),
        zone: this.parcels.find(permit.renewalCode, permit.municipality).zone,
      },
    };
  }
}
