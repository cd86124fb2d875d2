import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BlobStore } from '../../attachments/blob-store.js';
import { DomainError } from '../../shared/domain-error.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportSiteVisitCommand } from './report-site-visit.command.js';

@CommandHandler(ReportSiteVisitCommand)
export class ReportSiteVisitHandler implements ICommandHandler<ReportSiteVisitCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly blobs: BlobStore,
  ) {}

  async execute({ caller, permitId, input, options }: ReportSiteVisitCommand): Promise<PermitView> {
    for (const photo of input.photos) {
      // Touched, not only looked up: a photo uploaded long ago is then safe from the blob collector.
      if (!(await this.blobs.touch(photo))) {
        throw new DomainError('PERMIT.UNKNOWN_PHOTO', `No photo ${photo} was uploaded`, 'invalid', { photo });
      }
    }
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
      options,
    );
  }
}
