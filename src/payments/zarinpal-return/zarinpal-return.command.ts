import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { ZarinpalReturnAnswerDto } from './zarinpal-return-answer.response.dto.js';

/** The payer's browser, sent back by Zarinpal with the intent's authority and `Status=OK|NOK`. */
export class ReturnFromZarinpalCommand extends Command<ZarinpalReturnAnswerDto> {
  constructor(
    readonly authority: unknown,
    readonly status: unknown,
    readonly caller: Caller,
  ) {
    super();
  }
}
