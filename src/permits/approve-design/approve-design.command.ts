import type { ApproveDesignRequestDto } from './approve-design.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class ApproveDesignCommand extends PermitStepCommand<ApproveDesignRequestDto> {}
