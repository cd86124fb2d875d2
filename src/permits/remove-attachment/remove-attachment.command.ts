import { PermitStepCommand } from '../permit-step.command.js';

export class RemoveAttachmentCommand extends PermitStepCommand<{ readonly sha256: string }> {}
