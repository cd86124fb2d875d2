import { PermitStepCommand } from '../permit-step.command.js';
import type { ReportSiteVisitRequestDto } from './report-site-visit.request.dto.js';

export class ReportSiteVisitCommand extends PermitStepCommand<ReportSiteVisitRequestDto> {}
