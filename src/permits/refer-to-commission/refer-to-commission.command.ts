import { PermitStepCommand } from '../permit-step.command.js';

export class ReferToCommissionCommand extends PermitStepCommand {}
