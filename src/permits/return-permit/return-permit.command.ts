import type { ReturnPermitRequestDto } from './return-permit.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class ReturnPermitCommand extends PermitStepCommand<ReturnPermitRequestDto> {}
