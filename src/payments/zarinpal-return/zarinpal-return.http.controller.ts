import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { prefersHtml } from '../../shared/http/html.js';
import { paymentResultPage } from '../payment-result-page.js';
import { ReturnFromZarinpalCommand } from './zarinpal-return.command.js';
import { ZarinpalReturnAnswerDto } from './zarinpal-return-answer.response.dto.js';

/** Where Zarinpal sends the payer back (its `callback_url`). */
export const ZARINPAL_RETURN_PATH = '/payments/zarinpal/return';

const TITLE = 'نتیجهٔ پرداخت';
const STYLE = `body{font-family:Tahoma,Vazirmatn,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.8}
code{unicode-bidi:isolate}`;

@ApiTags('payments')
@Controller('payments/zarinpal')
export class ZarinpalReturnHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Public: the payer's browser comes back without a session; Zarinpal itself is asked what happened. */
  @Get('return')
  @Public()
  @ApiOperation({
    summary:
      'The payer comes back from Zarinpal: the payment is verified with Zarinpal; money taken is recorded',
    description:
      'Only Zarinpal’s verification says whether the money moved; "not paid" records nothing (the payer ' +
      'may still pay; the expiry sweep verifies once more). Status=NOK only words the answer (cancelled). ' +
      'paymentId and reference only on the return that confirmed the payment; a repeat gets the status.',
  })
  @ApiQuery({ name: 'Authority', required: true, description: 'the authority Zarinpal gave the payment' })
  @ApiQuery({ name: 'Status', required: false, enum: ['OK', 'NOK'] })
  @ApiOkResponse({ type: ZarinpalReturnAnswerDto, description: 'what was found; a page for a browser' })
  @ApiBadRequestResponse({ description: 'PAYMENT.INVALID_RETURN' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND when Zarinpal is not the gateway' })
  @ApiServiceUnavailableResponse({
    description: 'PAYMENT.GATEWAY_UNAVAILABLE: Zarinpal did not answer; nothing recorded',
  })
  async returnFromZarinpal(
    @Query('Authority') authority: unknown,
    @Query('Status') status: unknown,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ZarinpalReturnAnswerDto | string> {
    const answer = await this.commands.execute(new ReturnFromZarinpalCommand(authority, status, caller));
    if (!prefersHtml(request.headers.accept)) return answer;
    void reply.type('text/html; charset=utf-8');
    return paymentResultPage(answer, TITLE, STYLE);
  }
}
