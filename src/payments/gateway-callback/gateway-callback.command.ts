import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { GatewayCallbackAnswerDto } from './gateway-callback-answer.response.dto.js';

/** The gateway's word on a payment, as the exact bytes it signed. */
export class ReceiveGatewayCallbackCommand extends Command<GatewayCallbackAnswerDto> {
  constructor(
    readonly rawBody: Buffer,
    readonly signature: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
