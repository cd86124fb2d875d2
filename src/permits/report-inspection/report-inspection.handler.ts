import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportInspectionCommand } from './report-inspection.command.js';

@CommandHandler(ReportInspectionCommand)
export class ReportInspectionHandler extends PermitStepHandler<ReportInspectionCommand> {
  protected readonly relation = 'staff';

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
