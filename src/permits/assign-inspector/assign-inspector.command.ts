import type { AssignInspectorRequestDto } from './assign-inspector.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class AssignInspectorCommand extends PermitStepCommand<AssignInspectorRequestDto> {}
