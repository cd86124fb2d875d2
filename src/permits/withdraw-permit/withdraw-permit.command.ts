import { PermitStepCommand } from '../permit-step.command.js';

export class WithdrawPermitCommand extends PermitStepCommand {}
