import { PermitStepCommand } from '../permit-step.command.js';

export class IssueMapOrderCommand extends PermitStepCommand {}
