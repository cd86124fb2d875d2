import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { RemoveAttachmentCommand } from './remove-attachment.command.js';

@CommandHandler(RemoveAttachmentCommand)
export class RemoveAttachmentHandler implements ICommandHandler<RemoveAttachmentCommand> {
  constructor(private readonly runner: PermitCommandRunner) {}

  execute({ caller, permitId, input, options }: RemoveAttachmentCommand): Promise<PermitView> {
    return this.runner.run(
      caller,
      permitId,
      'applicant',
      (p) => ({ type: 'RemoveAttachment', data: { permitId: p.permitId, sha256: input.sha256 } }),
      options,
    );
  }
}
