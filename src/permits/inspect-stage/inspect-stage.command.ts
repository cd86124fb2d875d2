import type { InspectStageRequestDto } from './inspect-stage.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class InspectStageCommand extends PermitStepCommand<InspectStageRequestDto> {}
