import type { ReturnDesignRequestDto } from './return-design.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class ReturnDesignCommand extends PermitStepCommand<ReturnDesignRequestDto> {}
