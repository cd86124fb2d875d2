import type { ReportEngineerStageRequestDto } from './report-engineer-stage.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class ReportEngineerStageCommand extends PermitStepCommand<ReportEngineerStageRequestDto> {}
