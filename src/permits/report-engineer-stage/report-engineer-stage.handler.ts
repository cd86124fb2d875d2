import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportEngineerStageCommand } from './report-engineer-stage.command.js';

@CommandHandler(ReportEngineerStageCommand)
export class ReportEngineerStageHandler extends PermitStepHandler<ReportEngineerStageCommand> {
  protected readonly relation = 'engineer';
  protected override readonly cites = ({ input }: ReportEngineerStageCommand) => input.attachments ?? [];

  protected command({ caller, input }: ReportEngineerStageCommand, permit: PermitView): PermitCommand {
    const grants = caller.principal?.grants ?? [];
    return {
      type: 'ReportEngineerStage',
      data: {
        permitId: permit.permitId,
        stage: input.stage,
        // Who reports: the decider takes the report only from the nominated engineer.
        engineerId: caller.signedIn.id,
        summary: input.summary,
        ...(input.attachments ? { attachments: [...input.attachments] } : {}),
        engineerOffices: grants.flatMap((g) =>
          g.role === 'engineer' && g.organisation ? [g.organisation] : [],
        ),
      },
    };
  }
}
