import { PermitStepCommand } from '../permit-step.command.js';

export class IssueCompletionCertificateCommand extends PermitStepCommand {}
