import type { SubmitDesignRequestDto } from './submit-design.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class SubmitDesignCommand extends PermitStepCommand<SubmitDesignRequestDto> {}
