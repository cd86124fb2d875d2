import { PermitStepCommand } from '../permit-step.command.js';

export class SubmitPermitCommand extends PermitStepCommand {}
