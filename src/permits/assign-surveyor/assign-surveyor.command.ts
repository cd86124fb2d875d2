import type { AssignSurveyorRequestDto } from './assign-surveyor.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class AssignSurveyorCommand extends PermitStepCommand<AssignSurveyorRequestDto> {}
