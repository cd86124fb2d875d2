import { PermitStepCommand } from '../permit-step.command.js';

export class RequestRenewalCommand extends PermitStepCommand {}
