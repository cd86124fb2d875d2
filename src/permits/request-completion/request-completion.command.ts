import { PermitStepCommand } from '../permit-step.command.js';

export class RequestCompletionCommand extends PermitStepCommand {}
