import { Controller, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { SIGNATURE_HEADER } from '../payment-gateway.port.js';
import { GatewayCallbackAnswerDto } from './gateway-callback-answer.response.dto.js';
import { ReceiveGatewayCallbackCommand } from './gateway-callback.command.js';

@ApiTags('payments')
@Controller('payments/gateway')
export class GatewayCallbackHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Public: the signature, not a session, says the gateway sent it. */
  @Post('callback')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The payment gateway reports a payment as paid or failed',
    description:
      'Demo only (the sandbox gateway): signed with HMAC-SHA256 over the exact body bytes; a repeated ' +
      'callback changes nothing. 404 with Zarinpal, whose payments only its verification confirms.',
  })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'sha256=<hex HMAC of the body>' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['paymentId', 'status'],
      properties: {
        paymentId: { type: 'string' },
        status: { type: 'string', enum: ['paid', 'failed'] },
        reference: { type: 'string', example: 'SBX-5F3A9C21' },
        amount: { type: 'integer', description: 'rials' },
        paidAt: { type: 'string', format: 'date-time' },
        reason: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ type: GatewayCallbackAnswerDto })
  @ApiBadRequestResponse({
    description: 'PAYMENT.INVALID_CALLBACK, PAYMENT.INVALID_REFERENCE, PAYMENT.INVALID_TIME',
  })
  @ApiUnauthorizedResponse({ description: 'PAYMENT.BAD_SIGNATURE' })
  @ApiNotFoundResponse({
    description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND unless the sandbox is the gateway',
  })
  @ApiConflictResponse({
    description:
      'PAYMENT.AMOUNT_MISMATCH (details.expected), PAYMENT.ALREADY_CONFIRMED, PAYMENT.WRONG_GATEWAY',
  })
  receiveGatewayCallback(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GatewayCallbackAnswerDto> {
    const signature = request.headers[SIGNATURE_HEADER];
    return this.commands.execute(
      new ReceiveGatewayCallbackCommand(
        request.rawBody ?? Buffer.alloc(0),
        typeof signature === 'string' ? signature : undefined,
        caller,
      ),
    );
  }
}
