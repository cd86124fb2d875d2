import { PermitStepCommand } from '../permit-step.command.js';

export class WithdrawRenewalCommand extends PermitStepCommand {}
