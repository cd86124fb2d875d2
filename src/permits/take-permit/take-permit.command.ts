import { PermitStepCommand } from '../permit-step.command.js';

export class TakePermitCommand extends PermitStepCommand {}
