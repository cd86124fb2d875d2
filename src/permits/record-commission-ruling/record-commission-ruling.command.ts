import type { CommissionRulingRequestDto } from './record-commission-ruling.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class RecordCommissionRulingCommand extends PermitStepCommand<CommissionRulingRequestDto> {}
