import { CommandHandler } from '@nestjs/cqrs';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { AssignInspectorCommand } from './assign-inspector.command.js';

/** A clerk assigns the stage under way by hand: a file no inspector of its region was found for. */
@CommandHandler(AssignInspectorCommand)
export class AssignInspectorHandler extends PermitStepHandler<AssignInspectorCommand> {
  protected readonly relation = 'staff';

  constructor(
    runner: PermitCommandRunner,
    private readonly users: UsersReadModel,
  ) {
    super(runner);
  }

  protected command({ caller, input }: AssignInspectorCommand, permit: PermitView): PermitCommand {
    return {
      type: 'AssignInspector',
      data: {
        permitId: permit.permitId,
        inspectorId: input.inspectorId,
        at: caller.now,
        inspector: this.users.get(input.inspectorId),
        region: permit.region,
      },
    };
  }
}
