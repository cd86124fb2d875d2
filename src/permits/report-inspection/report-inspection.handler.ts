import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportInspectionCommand } from './report-inspection.command.js';
import { violationPhotos } from '../site-record-files.js';

@CommandHandler(ReportInspectionCommand)
export class ReportInspectionHandler extends PermitStepHandler<ReportInspectionCommand> {
  protected readonly relation = 'inspector';
  protected override readonly cites = ({ input }: ReportInspectionCommand) =>
    violationPhotos(input.violations);

  protected command({ caller, input }: ReportInspectionCommand, permit: PermitView): PermitCommand {
    return {
      type: 'ReportInspection',
      data: {
        permitId: permit.permitId,
        inspectorId: caller.signedIn.id,
        compliant: input.compliant,
        violations: input.violations.map((v) => ({ ...v })),
      },
    };
  }
}
