import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { IssueCompletionCertificateCommand } from './issue-completion-certificate.command.js';

@CommandHandler(IssueCompletionCertificateCommand)
export class IssueCompletionCertificateHandler extends PermitStepHandler<IssueCompletionCertificateCommand> {
  protected readonly relation = 'staff';
  protected override readonly until = (file: PermitView | undefined) =>
    file?.documents.completionCertificate !== undefined;

  protected command({ caller }: IssueCompletionCertificateCommand, permit: PermitView): PermitCommand {
    return { type: 'IssueCompletionCertificate', data: { permitId: permit.permitId, at: caller.now } };
  }
}
