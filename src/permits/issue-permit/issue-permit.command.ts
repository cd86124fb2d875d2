import { PermitStepCommand } from '../permit-step.command.js';

export class IssuePermitCommand extends PermitStepCommand {}
