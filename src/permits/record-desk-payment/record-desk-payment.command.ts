import type { RecordPaymentRequestDto } from '../record-payment/record-payment.request.dto.js';
import { PermitStepCommand } from '../permit-step.command.js';

export class RecordDeskPaymentCommand extends PermitStepCommand<RecordPaymentRequestDto> {}
