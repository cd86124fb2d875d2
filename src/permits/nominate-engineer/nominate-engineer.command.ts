import { PermitStepCommand } from '../permit-step.command.js';
import type { NominateEngineerRequestDto } from './nominate-engineer.request.dto.js';

export class NominateEngineerCommand extends PermitStepCommand<NominateEngineerRequestDto> {}
