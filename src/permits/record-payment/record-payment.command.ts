import type { RecordPaymentRequestDto } from './record-payment.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class RecordPaymentCommand extends PermitStepCommand<RecordPaymentRequestDto> {}
