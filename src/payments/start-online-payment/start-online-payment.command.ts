import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { StartOnlinePaymentRequestDto } from './start-online-payment.request.dto.js';
import type { StartOnlinePaymentResponseDto } from './start-online-payment.response.dto.js';

export class StartOnlinePaymentCommand extends Command<StartOnlinePaymentResponseDto> {
  constructor(
    readonly permitId: string,
    readonly request: StartOnlinePaymentRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
