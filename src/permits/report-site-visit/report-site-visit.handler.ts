import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportSiteVisitCommand } from './report-site-visit.command.js';

@CommandHandler(ReportSiteVisitCommand)
export class ReportSiteVisitHandler implements ICommandHandler<ReportSiteVisitCommand> {
  constructor(private readonly runner: PermitCommandRunner) {}

  async execute({ caller, permitId, input, options }: ReportSiteVisitCommand): Promise<PermitView> {
    return this.runner.run(
      caller,
      permitId,
      'staff',
      (p) => ({
        type: 'ReportSiteVisit',
        data: {
          permitId: p.permitId,
          surveyorId: caller.signedIn.id,
          survey: {
            measuredAreaM2: input.measuredAreaM2,
            streetWidthM: input.streetWidthM,
            existingStructures: input.existingStructures.map((s) => ({ ...s })),
            photos: input.photos,
          },
        },
      }),
      { ...options, cites: input.photos },
    );
  }
}
