import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { violationPhotos } from '../site-record-files.js';
import { InspectStageCommand } from './inspect-stage.command.js';

@CommandHandler(InspectStageCommand)
export class InspectStageHandler extends PermitStepHandler<InspectStageCommand> {
  protected readonly relation = 'inspector';
  protected override readonly cites = ({ input }: InspectStageCommand) => [
    ...input.photos,
    ...violationPhotos(input.violations),
  ];

  protected command({ caller, input }: InspectStageCommand, permit: PermitView): PermitCommand {
    return {
      type: 'InspectStage',
      data: {
        permitId: permit.permitId,
        stage: input.stage,
        inspectorId: caller.signedIn.id,
        findings: input.findings,
        photos: [...input.photos],
        result: input.result,
        violations: input.violations.map((v) => ({ ...v })),
      },
    };
  }
}
