import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RequestCompletionCommand } from './request-completion.command.js';

@CommandHandler(RequestCompletionCommand)
export class RequestCompletionHandler extends PermitStepHandler<RequestCompletionCommand> {
  protected readonly relation = 'applicant';

  protected command({ caller }: RequestCompletionCommand, permit: PermitView): PermitCommand {
    return { type: 'RequestCompletion', data: { permitId: permit.permitId, at: caller.now } };
  }
}
