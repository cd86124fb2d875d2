import type { ReportInspectionRequestDto } from './report-inspection.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class ReportInspectionCommand extends PermitStepCommand<ReportInspectionRequestDto> {}
