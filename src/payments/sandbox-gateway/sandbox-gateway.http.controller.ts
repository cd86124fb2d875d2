import { randomBytes } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DomainError } from '../../shared/domain-error.js';
import { prefersHtml } from '../../shared/http/html.js';
import type { GatewayCallback } from '../gateway-callback/gateway-callback.js';
import { GatewayCallbackAnswerDto } from '../gateway-callback/gateway-callback-answer.response.dto.js';
import { ReceiveGatewayCallbackCommand } from '../gateway-callback/gateway-callback.command.js';
import { paymentNotFound } from '../payment.decider.js';
import { PaymentsReadModel, type PaymentView } from '../payments.read-model.js';
import { SandboxGateway } from './sandbox-gateway.js';
import { sandboxPaymentPage, sandboxResultPage } from './sandbox-pages.js';

const HTML = 'text/html; charset=utf-8';

/**
 * Demo mode's stand-in for a bank's payment pages. Its buttons sign a callback as a gateway would and
 * hand it to the same handler POST /payments/gateway/callback uses, in-process.
 */
@ApiTags('sandbox gateway')
@Controller('sandbox-gateway/:paymentId')
export class SandboxGatewayHttpController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gateway: SandboxGateway,
    private readonly payments: PaymentsReadModel,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Demo only: the sandbox payment page (Persian), with pay and cancel' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'the payment page (HTML)' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND in production' })
  showSandboxPayment(
    @Param('paymentId') paymentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const payment = this.payment(paymentId);
    void reply.type(HTML);
    return sandboxPaymentPage(payment, this.gateway.startUrl(payment.paymentId));
  }

  @Post('pay')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: pay the whole amount; the callback confirms the payment' })
  @ApiOkResponse({ type: GatewayCallbackAnswerDto, description: 'confirmed; a page for a browser' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND in production' })
  @ApiConflictResponse({ description: 'PAYMENT.ALREADY_CONFIRMED' })
  paySandboxPayment(
    @Param('paymentId') paymentId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GatewayCallbackAnswerDto | string> {
    return this.settle(paymentId, 'paid', caller, request, reply);
  }

  @Post('cancel')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: cancel; the callback records the payment as failed' })
  @ApiOkResponse({ type: GatewayCallbackAnswerDto, description: 'failed; a page for a browser' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND in production' })
  @ApiConflictResponse({ description: 'PAYMENT.ALREADY_CONFIRMED' })
  cancelSandboxPayment(
    @Param('paymentId') paymentId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GatewayCallbackAnswerDto | string> {
    return this.settle(paymentId, 'failed', caller, request, reply);
  }

  private async settle(
    paymentId: string,
    status: GatewayCallback['status'],
    caller: Caller,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<GatewayCallbackAnswerDto | string> {
    const { amount } = this.payment(paymentId);
    const reference = `SBX-${randomBytes(6).toString('hex').toUpperCase()}`;
    const paidAt = new Date().toISOString();
    const callback: GatewayCallback =
      status === 'paid'
        ? { paymentId, status, reference, amount, paidAt }
        : { paymentId, status, reference, reason: 'cancelled by the payer' };
    const { rawBody, signature } = this.gateway.signed(callback);
    const answer = await this.commands.execute(new ReceiveGatewayCallbackCommand(rawBody, signature, caller));
    if (!prefersHtml(request.headers.accept)) return answer;
    void reply.type(HTML);
    return sandboxResultPage(answer);
  }

  private payment(paymentId: string): PaymentView {
    if (this.config.production) {
      throw new DomainError('HTTP.NOT_FOUND', 'The sandbox gateway exists only in demo mode', 'not_found');
    }
    return this.payments.getOr(paymentId, paymentNotFound);
  }
}
