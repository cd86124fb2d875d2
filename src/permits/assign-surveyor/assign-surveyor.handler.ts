import { CommandHandler } from '@nestjs/cqrs';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { AssignSurveyorCommand } from './assign-surveyor.command.js';

@CommandHandler(AssignSurveyorCommand)
export class AssignSurveyorHandler extends PermitStepHandler<AssignSurveyorCommand> {
  protected readonly relation = 'staff';

  constructor(
    runner: PermitCommandRunner,
    private readonly users: UsersReadModel,
  ) {
    super(runner);
  }

  protected command({ input }: AssignSurveyorCommand, permit: PermitView): PermitCommand {
    return {
      type: 'AssignSurveyor',
      data: {
        permitId: permit.permitId,
        surveyorId: input.surveyorId,
        surveyor: this.users.get(input.surveyorId),
      },
    };
  }
}
