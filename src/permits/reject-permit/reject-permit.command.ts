import type { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class RejectPermitCommand extends PermitStepCommand<ReasonRequestDto> {}
