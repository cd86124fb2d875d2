import { PermitStepCommand } from '../permit-step.command.js';

export class RenewPermitCommand extends PermitStepCommand {}
